package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.ClaimAcknowledgement;
import org.overturn.x12.MalformedX12Exception;

/** The real 277 files of samples/x12/real: the 277CAs read, the 277 claim status responses refused. */
class RealSample277caTest {

    @Test
    @DisplayName("imsweb eMedNY accepted: A1:20 at the receiver level is skipped, the claim's A2:20 is its status")
    void readsTheEmednyAcceptance() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("imsweb__277ca-accepted-emedny.277");

        assertThat(file.kind()).isEqualTo("277CA");
        assertThat(file.functional()).isEmpty();
        assertThat(file.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.patientControlNumber()).isEqualTo("5781");
            assertThat(claim.payerClaimControlNumber()).isEqualTo("1107000000014420");
            assertThat(claim.category()).isEqualTo("A2");
            assertThat(claim.status()).isEqualTo("20");
            assertThat(claim.entity()).isNull();
            assertThat(claim.accepted()).isTrue();
            assertThat(claim.statusDate()).isEqualTo(LocalDate.of(2011, 3, 11));
            assertThat(claim.billedAmount()).isEqualByComparingTo("125");
            // DTP*472*D8*10010101 is a placeholder, but a valid CCYYMMDD date: it is read as sent
            assertThat(claim.serviceFrom()).isEqualTo(LocalDate.of(1001, 1, 1));
            assertThat(claim.serviceTo()).isEqualTo(LocalDate.of(1001, 1, 1));
            assertThat(claim.informationSource()).isEqualTo("NYSDOH");
            assertThat(claim.reference()).isEqualTo("000000674");
            assertThat(claim.reportDate()).isEqualTo(LocalDate.of(2011, 3, 11));
        });
    }

    @Test
    @DisplayName("imsweb eMedNY rejected, one line with ISA16 '|': STC A7|562|85 is a rejection")
    void readsTheEmednyRejection() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("imsweb__277ca-rejected-emedny-pipe-one-line.277");

        assertThat(file.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.patientControlNumber()).isEqualTo("3920394930203");
            assertThat(claim.payerClaimControlNumber()).isEqualTo("1107000000001120");
            assertThat(claim.category()).isEqualTo("A7");
            assertThat(claim.status()).isEqualTo("562");
            assertThat(claim.entity()).isEqualTo("85");
            assertThat(claim.accepted()).isFalse();
            assertThat(claim.statusDate()).isEqualTo(LocalDate.of(2011, 3, 11));
            assertThat(claim.billedAmount()).isEqualByComparingTo("199.14");
            assertThat(claim.serviceFrom()).isEqualTo(LocalDate.of(2009, 3, 11));
            assertThat(claim.serviceTo()).isEqualTo(LocalDate.of(2009, 3, 11));
            assertThat(claim.informationSource()).isEqualTo("NYSDOH");
            assertThat(claim.reference()).isEqualTo("3920394930203");
            assertThat(claim.reportDate()).isEqualTo(LocalDate.of(2011, 3, 11));
        });
    }

    @Test
    @DisplayName("stupidedi X214 scenario 1: prose before the ISA, SE 39 for 40 segments, a clearinghouse (NM1*AY)")
    void readsTheClearinghouseScenario() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("stupidedi__x214-scenario1-clearinghouse-prose-header.277");

        assertThat(file.kind()).isEqualTo("277CA");
        assertThat(file.claims()).extracting(ClaimAcknowledgement::patientControlNumber,
                        ClaimAcknowledgement::category, ClaimAcknowledgement::status, ClaimAcknowledgement::entity,
                        ClaimAcknowledgement::accepted, ClaimAcknowledgement::payerClaimControlNumber)
                .containsExactly(
                        tuple("DOE01428", "A0", "16", "PR", false, "22029500123407X"),
                        tuple("DOE0221", "A3", "21", "82", false, null),
                        tuple("VEST0303", "A3", "401", null, false, null));
        assertThat(file.claims()).extracting(ClaimAcknowledgement::billedAmount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("200"), new BigDecimal("500"), new BigDecimal("300"));
        assertThat(file.claims()).extracting(ClaimAcknowledgement::serviceFrom, ClaimAcknowledgement::serviceTo)
                .containsExactly(
                        tuple(LocalDate.of(2006, 1, 28), LocalDate.of(2006, 1, 31)),
                        tuple(LocalDate.of(2006, 1, 15), LocalDate.of(2006, 1, 15)),
                        tuple(LocalDate.of(2006, 1, 20), LocalDate.of(2006, 1, 20)));
        assertThat(file.claims()).allSatisfy(claim -> {
            assertThat(claim.statusDate()).isEqualTo(LocalDate.of(2006, 2, 5));
            assertThat(claim.informationSource()).isEqualTo("FIRST CLEARINGHOUSE");
            assertThat(claim.reference()).isEqualTo("277X2140001");
            assertThat(claim.reportDate()).isEqualTo(LocalDate.of(2006, 2, 5));
        });
    }

    @Test
    @DisplayName("stupidedi X214 scenario 1: the line-level SVC's STC (A3:21, STC10 A3:153:82) is not a claim status")
    void keepsTheLineLevelStatusApart() throws MalformedX12Exception {
        // make the line's status the only A2 in the file: if it were read as the claim's, the claim would be accepted
        AcknowledgementFile file = AckSamples.parseRepaired(
                "stupidedi__x214-scenario1-clearinghouse-prose-header.277",
                "STC*A3:21**U*******A3:153:82", "STC*A2:20*20060301*WQ*350");

        ClaimAcknowledgement jane = file.claims().get(1);
        assertThat(jane.category()).isEqualTo("A3");
        assertThat(jane.accepted()).isFalse();
        assertThat(jane.statusDate()).isEqualTo(LocalDate.of(2006, 2, 5));
        assertThat(jane.billedAmount()).isEqualByComparingTo("500");
    }

    @Test
    @DisplayName("oopfactory garbage 277CA: refused at its ISA, whose ISA12 '343434' is too long for a version")
    void refusesTheGarbageFileAtItsHeader() {
        MalformedX12Exception e = AckSamples.rejection("oopfactory__277ca-garbage-values.277");

        assertThat(e.segmentNumber()).isEqualTo(1);
        assertThat(e.segmentId()).isEqualTo("ISA");
        assertThat(e).hasMessage("segment 1 (ISA): bad ISA: ISA12 '343434' is longer than 5 characters");
    }

    @Test
    @DisplayName("oopfactory garbage 277CA with a usable ISA: refused at BHT04 '20434343', IEA02 ≠ ISA13 is not")
    void refusesTheGarbageFileAtItsReportDate() {
        String text = AckSamples.repaired("oopfactory__277ca-garbage-values.277", "*343434*43434343*",
                "*00501*434343430*");

        MalformedX12Exception e = AckSamples.rejectionOfText(text);

        assertThat(e).hasMessage("segment 4 (BHT): BHT04 '20434343' is not a valid date (CCYYMMDD)");
    }

    @Test
    @DisplayName("oopfactory garbage 277CA with a usable ISA and BHT04: refused at the claim's STC02 '5454545'")
    void refusesTheGarbageFileAtTheClaimsStatusDate() {
        String text = AckSamples.repaired("oopfactory__277ca-garbage-values.277", "*343434*43434343*",
                "*00501*434343430*").replace("*20434343*", "*20120524*");

        MalformedX12Exception e = AckSamples.rejectionOfText(text);

        // the receiver's STC02 '2trtrtrt' is not read: batch statuses are skipped
        assertThat(e).hasMessage("segment 26 (STC): STC02 '5454545' is not a valid date (CCYYMMDD)");
    }

    @Test
    @DisplayName("LinuxForHealth 277 (X212): a claim status response is refused as one, not read as a 277CA")
    void refusesTheLinuxForHealthClaimStatusResponse() {
        MalformedX12Exception e = AckSamples.rejection("linuxforhealth__277-claim-level-status.277");

        assertThat(e).hasMessage("segment 2 (GS): a 277 claim status response (GS08 005010X212), not a 277CA "
                + "claim acknowledgement (005010X214)");
    }

    @Test
    @DisplayName("stupidedi X212 277 with CRLF: refused as a claim status response")
    void refusesTheStupidediClaimStatusResponse() {
        MalformedX12Exception e = AckSamples.rejection("stupidedi__x212-277-crlf.277");

        assertThat(e).hasMessage("segment 2 (GS): a 277 claim status response (GS08 005010X212), not a 277CA "
                + "claim acknowledgement (005010X214)");
    }

    @Test
    @DisplayName("LinuxForHealth 276: a claim status request is refused, naming what it is")
    void refusesTheClaimStatusRequest() {
        MalformedX12Exception e = AckSamples.rejection("linuxforhealth__276-claim-level-status.276");

        assertThat(e).hasMessage("segment 2 (GS): functional group GS01 'HR' is a 276 claim status request, "
                + "not a 999 (GS01 FA) or 277CA (GS01 HN)");
    }
}

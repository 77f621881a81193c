package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.claim.ClaimAcknowledgement;
import org.overturn.x12.MalformedX12Exception;

/** Generated 277CAs: every field read, the accepted rule, every level defect refused. */
class Generated277caTest {

    private final AcknowledgementParser parser = AcknowledgementParser.standard();

    /** ST, BHT and the information source, receiver and billing provider levels, ready for an HL PT. */
    private static AckText headed() {
        return AckText.create().interchange("000000202").group277("602").transaction("277", "0001")
                .segment("BHT*0085*08*RPT-1*20261202*1200*TH")
                .segment("HL*1**20*1").segment("NM1*PR*2*ACME HEALTH PLAN*****PI*12345")
                .segment("TRN*1*BATCH1").segment("DTP*050*D8*20261201").segment("DTP*009*D8*20261202")
                .segment("HL*2*1*21*1").segment("NM1*41*2*OVERTURN CLINIC*****46*S1").segment("TRN*2*BATCH2")
                .segment("STC*A1:19:PR*20261201*WQ*500").segment("QTY*90*3").segment("AMT*YU*500")
                .segment("HL*3*2*19*1").segment("NM1*85*2*OVERTURN CLINIC*****XX*1234567893")
                .segment("TRN*1*BATCH3").segment("STC*A3:24*20261201*U*10");
    }

    private static String withClaim(String... claimSegments) {
        AckText text = headed().segment("HL*4*3*PT").segment("NM1*QC*1*DOE*JANE****MI*M1");
        for (String segment : claimSegments) {
            text.segment(segment);
        }
        return text.closeAll().text();
    }

    @Test
    @DisplayName("every field, two claims under one patient, a second patient, lines, a later STC")
    void readsEveryField() throws MalformedX12Exception {
        String text = headed()
                .segment("HL*4*3*PT").segment("NM1*QC*1*DOE*JANE****MI*M1")
                .segment("TRN*2*PCN-1")
                .segment("STC*A2:20:PR*20261202*WQ*150.50")
                .segment("STC*A7:562:85*20261203*U*150.50")
                .segment("REF*1K*PAYER-CCN-1").segment("REF*D9*CH-TRACE").segment("REF*1K*LATER")
                .segment("DTP*472*RD8*20261101-20261115")
                .segment("SVC*HC:90837*150.50****1").segment("STC*A3:21*20261202*U*150.50")
                .segment("REF*1K*LINE-REF").segment("REF*FJ*1").segment("DTP*472*D8*20261110")
                .segment("TRN*2*PCN-2")
                .segment("STC*A5:20")
                .segment("DTP*472*D8*20261120")
                .segment("HL*5*3*PT").segment("NM1*QC*1*ROE*RICHARD****MI*M2")
                .segment("TRN*2*PCN-3")
                .segment("STC*A6:35:IL*20261202*U*75")
                .closeAll().text();

        AcknowledgementFile file = parser.parse(text.getBytes());

        assertThat(file.kind()).isEqualTo("277CA");
        assertThat(file.functional()).isEmpty();
        assertThat(file.claims()).extracting(ClaimAcknowledgement::patientControlNumber,
                        ClaimAcknowledgement::payerClaimControlNumber, ClaimAcknowledgement::category,
                        ClaimAcknowledgement::status, ClaimAcknowledgement::entity, ClaimAcknowledgement::accepted,
                        ClaimAcknowledgement::statusDate, ClaimAcknowledgement::serviceFrom,
                        ClaimAcknowledgement::serviceTo)
                .containsExactly(
                        tuple("PCN-1", "PAYER-CCN-1", "A2", "20", "PR", true, LocalDate.of(2026, 12, 2),
                                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)),
                        tuple("PCN-2", null, "A5", "20", null, true, null,
                                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)),
                        tuple("PCN-3", null, "A6", "35", "IL", false, LocalDate.of(2026, 12, 2), null, null));
        assertThat(file.claims().get(0).billedAmount()).isEqualByComparingTo("150.50");
        assertThat(file.claims().get(1).billedAmount()).isNull();
        assertThat(file.claims().get(2).billedAmount()).isEqualByComparingTo("75");
        assertThat(file.claims()).allSatisfy(claim -> {
            assertThat(claim.informationSource()).isEqualTo("ACME HEALTH PLAN");
            assertThat(claim.reference()).isEqualTo("RPT-1");
            assertThat(claim.reportDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        });
    }

    @Test
    @DisplayName("each transaction set's claims carry its own BHT and information source (NM1*PR or NM1*AY)")
    void readsEachTransactionSetsHeader() throws MalformedX12Exception {
        String text = AckText.create().interchange("000000202").group277("602")
                .transaction("277", "0001").segment("BHT*0085*08*RPT-A*20261202*1200*TH")
                .segment("HL*1**20*1").segment("NM1*AY*2*A CLEARINGHOUSE*****46*CH1")
                .segment("HL*2*1*21*1").segment("HL*3*2*19*1").segment("HL*4*3*PT")
                .segment("TRN*2*PCN-A").segment("STC*A1:20*20261202")
                .segment("HL*5**20*1").segment("NM1*PR*2*SECOND PAYER*****PI*2")
                .segment("HL*6*5*21*1").segment("HL*7*6*19*1").segment("HL*8*7*PT")
                .segment("TRN*2*PCN-B").segment("STC*A2:20*20261202")
                .endTransaction()
                .transaction("277", "0002").segment("BHT*0085*08*RPT-B*20261203*1200*TH")
                .segment("HL*1**20*1").segment("NM1*X3*2*NOT A SOURCE")
                .segment("HL*2*1*21*1").segment("HL*3*2*19*1").segment("HL*4*3*PT")
                .segment("TRN*2*PCN-C").segment("STC*A3:21*20261203")
                .endTransaction().endGroup().endInterchange().text();

        AcknowledgementFile file = parser.parse(text.getBytes());

        assertThat(file.claims()).extracting(ClaimAcknowledgement::patientControlNumber,
                        ClaimAcknowledgement::informationSource, ClaimAcknowledgement::reference,
                        ClaimAcknowledgement::reportDate, ClaimAcknowledgement::accepted)
                .containsExactly(tuple("PCN-A", "A CLEARINGHOUSE", "RPT-A", LocalDate.of(2026, 12, 2), false),
                        tuple("PCN-B", "SECOND PAYER", "RPT-A", LocalDate.of(2026, 12, 2), true),
                        tuple("PCN-C", null, "RPT-B", LocalDate.of(2026, 12, 3), false));
    }

    @ParameterizedTest(name = "STC01-1 {0}: accepted {1}")
    @CsvSource({"A0,false", "A1,false", "A2,true", "A3,false", "A4,false", "A5,true", "A6,false", "A7,false",
            "A8,false", "P1,false", "F1,false", "E0,false"})
    void decidesAcceptanceFromTheCategory(String category, boolean accepted) throws MalformedX12Exception {
        ClaimAcknowledgement claim = parser.parse(withClaim("TRN*2*PCN", "STC*" + category + ":20*20261202")
                .getBytes()).claims().get(0);

        assertThat(claim.category()).isEqualTo(category);
        assertThat(claim.accepted()).isEqualTo(accepted);
    }

    @Test
    @DisplayName("other delimiters, a composite written with another separator than ISA16, Windows-1252 names")
    void readsOtherDelimitersAndWindows1252() throws MalformedX12Exception {
        String text = AckText.create().delimiters('|', '^', '\n', "").interchange("000000202").group277("1")
                .transaction("277", "0001").segment("BHT*0085*08*R*20261202*1200*TH")
                .segment("HL*1**20*1").segment("NM1*PR*2*CAFÉ SANTÉ").segment("HL*2*1*21*1")
                .segment("HL*3*2*19*1").segment("HL*4*3*PT").segment("TRN*2*PCN")
                .segment("STC*A2>20>PR*20261202").closeAll().text();
        // ISA11 '^' would clash with the component separator: none is used (00501 needs one, so take '!')
        text = text.replace("|^|00501|", "|!|00501|");

        ClaimAcknowledgement claim = parser.parse(text.getBytes(Charset.forName("windows-1252"))).claims().get(0);

        assertThat(claim.informationSource()).isEqualTo("CAFÉ SANTÉ");
        assertThat(claim.category()).isEqualTo("A2");
        assertThat(claim.status()).isEqualTo("20");
        assertThat(claim.entity()).isEqualTo("PR");
    }

    @Test
    @DisplayName("a wrong SE count and an IEA02 that is not ISA13 are accepted")
    void acceptsWrongTrailers() throws MalformedX12Exception {
        String text = headed().segment("HL*4*3*PT").segment("TRN*2*PCN").segment("STC*A2:20*20261202")
                .endTransaction(3, "0009").endGroup(2, "1").endInterchange(9, "000000001").text();

        assertThat(parser.parse(text.getBytes()).claims()).singleElement()
                .extracting(ClaimAcknowledgement::accepted).isEqualTo(true);
    }

    @Test
    @DisplayName("a patient with no claim under it gives no acknowledgement; a receiver-only 277CA gives none")
    void readsA277caWithoutClaims() throws MalformedX12Exception {
        AcknowledgementFile file = parser.parse(headed().segment("HL*4*3*PT").closeAll().bytes());

        assertThat(file.kind()).isEqualTo("277CA");
        assertThat(file.claims()).isEmpty();
    }

    @Test
    void refusesAClaimWithoutStatus() {
        String text = withClaim("TRN*2*PCN-1", "REF*1K*X", "TRN*2*PCN-2", "STC*A2:20*20261202");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 24 (TRN): the claim whose TRN*2 is segment 22 has no claim-level STC (its status) before "
                        + "this TRN");
    }

    @Test
    void refusesAClaimWhoseOnlyStatusIsTheLines() {
        String text = withClaim("TRN*2*PCN-1", "SVC*HC:90837*100", "STC*A2:20*20261202");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 25 (SE): the claim whose TRN*2 is segment 22 has no claim-level STC (its status) before "
                        + "this SE");
    }

    @Test
    void refusesAStatusBeforeTheClaimsTrace() {
        String text = withClaim("STC*A2:20*20261202", "TRN*2*PCN-1");

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 22 (STC): STC before the claim's TRN*2 (its patient control number)");
    }

    @Test
    @DisplayName("an HL level of the 277 claim status response (22 subscriber) is refused")
    void refusesAnotherHierarchy() {
        String text = headed().segment("HL*4*3*22*0").segment("TRN*2*PCN").segment("STC*A2:20*20261202")
                .closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 20 (HL): HL03 '22' is not a 277CA level "
                + "(20 information source, 21 receiver, 19 billing provider, PT patient)");
    }

    @Test
    void refusesAnHlBeforeTheBht() {
        String text = AckText.create().interchange("000000202").group277("602").transaction("277", "0001")
                .segment("HL*1**20*1").segment("BHT*0085*08*R*20261202*1200*TH").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 4 (HL): HL before BHT (the transaction set's header)");
    }

    @Test
    void refusesATransactionSetWithoutBht() {
        String text = AckText.create().interchange("000000202").group277("602").transaction("277", "0001")
                .closeAll().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 4 (SE): 277CA transaction set 0001 has no BHT (its reference and date)");
    }

    @Test
    void refusesAStatusWithoutStatusCode() {
        String text = withClaim("TRN*2*PCN", "STC*A2*20261202");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 23 (STC): missing claim status code STC01-2");
    }

    @Test
    void refusesAStatusDateThatIsNoDate() {
        String text = withClaim("TRN*2*PCN", "STC*A2:20*2026120");

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 23 (STC): STC02 '2026120' is not a valid date (CCYYMMDD)");
    }

    @Test
    void refusesABilledAmountThatIsNoNumber() {
        String text = withClaim("TRN*2*PCN", "STC*A2:20*20261202*WQ*12a");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 23 (STC): STC04 '12a' is not a number");
    }

    @Test
    void refusesAServiceDateRangeThatIsNone() {
        String text = withClaim("TRN*2*PCN", "STC*A2:20*20261202", "DTP*472*RD8*20261101");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 24 (DTP): DTP03 '20261101' is not a valid date range (CCYYMMDD-CCYYMMDD)");
    }

    @Test
    void refusesAServiceDateInAnotherFormat() {
        String text = withClaim("TRN*2*PCN", "STC*A2:20*20261202", "DTP*472*D6*261101");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 24 (DTP): DTP02 'D6' is not a date format a service date is sent in (D8 or RD8)");
    }

    @Test
    void refusesAMissingPatientControlNumber() {
        String text = withClaim("TRN*2", "STC*A2:20*20261202");

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 22 (TRN): missing required element TRN02");
    }

    @Test
    void refusesAnHnGroupOfAnotherVersion() {
        String text = AckText.create().interchange("000000202").group("HN", "P", "20261202", "1", "005010X215")
                .transaction("277", "0001").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 2 (GS): GS08 version '005010X215' is not a 277CA version this parser reads (005010X214)");
    }

    @Test
    void refusesAnotherTransactionSetInAnHnGroup() {
        String text = AckText.create().interchange("000000202").group277("1").transaction("276", "0001")
                .closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 3 (ST): transaction set ST01 '276' is not a "
                + "277 (claim acknowledgment), as its group's GS01 HN says");
    }
}

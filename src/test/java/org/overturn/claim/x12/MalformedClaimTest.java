package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.x12.MalformedX12Exception;

/**
 * Files that are not usable 837s are refused whole, with the number and id of the segment at fault (counting from
 * 1 at the ISA) and the reason. {@link Edi837#professional} writes ISA 1, GS 2, ST 3, BHT 4, NM1*41 5, NM1*40 6,
 * HL 20 at 7-10, HL 22 at 11-15, so the first claim segment is 16.
 */
class MalformedClaimTest {

    private static final int CLM = Edi837.FIRST_CLAIM_SEGMENT;

    private static MalformedX12Exception refusal(byte[] content) {
        MalformedX12Exception e = catchThrowableOfType(() -> ClaimParser.standard().parse(content),
                MalformedX12Exception.class);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    private static void assertRefused(String text, int segment, String id, String reason) {
        assertThat(refusal(text.getBytes(StandardCharsets.UTF_8)).getMessage())
                .isEqualTo("segment " + segment + " (" + id + "): " + reason);
    }

    private static void assertRefused(Edi837 edi, int segment, String id, String reason) {
        assertRefused(edi.text(), segment, id, reason);
    }

    // --- not X12, not an 837 ---

    @Test
    void refusesBytesThatAreNotX12() {
        assertRefused("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >>\n", 1, "?", "no ISA interchange header");
        assertThat(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).getMessage())
                .isEqualTo("segment 1 (?): no ISA interchange header");
        assertThat(refusal(new byte[0]).reason()).isEqualTo("no ISA interchange header");
    }

    @Test
    @DisplayName("an 835 given to the claim parser is named for what it is")
    void refusesARemittanceAdvice() throws IOException {
        byte[] remittance;
        try (InputStream in = getClass().getResourceAsStream("/samples/835/real/linuxforhealth__medicare-part-a.835")) {
            remittance = in.readAllBytes();
        }

        assertThat(refusal(remittance).getMessage()).isEqualTo("segment 2 (GS): functional group GS01 'HP' is not "
                + "HC (health care claim): this file holds a remittance advice (835), not 837 claims");
    }

    @Test
    void refusesGroupThatIsNotHealthCareClaims() {
        String text = Edi837.professional().text().replace("GS*HC*", "GS*HP*");

        assertRefused(text, 2, "GS", "functional group GS01 'HP' is not HC (health care claim): this file holds "
                + "a remittance advice (835), not 837 claims");
        assertRefused(Edi837.professional().text().replace("GS*HC*", "GS*XX*"), 2, "GS",
                "functional group GS01 'XX' is not HC (health care claim)");
    }

    @Test
    void refusesTransactionSetThatIsNotAnE837() {
        String text = Edi837.professional().text().replace("ST*837*", "ST*835*");

        assertRefused(text, 3, "ST", "transaction set ST01 '835' is not an 837 (health care claim)");
    }

    @Test
    void refusesImplementationGuidesThatAreNotProfessionalOrInstitutionalClaims() {
        String reason = "GS08 version '%s' is not an 837 version this parser reads (837P 005010X222, 005010X222A1, "
                + "005010X222A2, 004010X098A1; 837I 005010X223, 005010X223A1, 005010X223A2, 005010X223A3, "
                + "004010X096A1)";
        for (String version : new String[] {"005010X224A2", "005010X221A1", "5010"}) {
            String text = Edi837.professional().text().replace("*X*005010X222A1~", "*X*" + version + "~");
            assertRefused(text, 2, "GS", String.format(reason, version));
        }
    }

    // --- truncated ---

    @Test
    void refusesFileThatEndsInsideItsTransactionSet() {
        Edi837 edi = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL).transaction("0001")
                .header().billingProvider("1").subscriberPatient("2", "1")
                .segment("CLM*PCN-1*100***11:B:1*Y*A*Y*Y").segment("LX*1").segment("SV1*HC:90834*100*UN*1");

        assertRefused(edi, edi.number(), "SV1",
                "truncated file: it ends before SE (transaction set 0001 is not closed)");
    }

    @Test
    void refusesFileCutInTheMiddleOfASegment() {
        String text = Edi837.professional("CLM*PCN-1*100***11:B:1*Y*A*Y*Y", "LX*1", "SV1*HC:90834*100*UN*1")
                .text();
        String cut = text.substring(0, text.indexOf("SV1*HC:90834*1") + "SV1*HC:90834*1".length());

        assertRefused(cut, CLM + 2, "SV1", "truncated file: it ends before SE (transaction set 0001 is not closed)");
    }

    @Test
    void refusesFileThatEndsBeforeItsGroupOrInterchangeTrailer() {
        Edi837 beforeGe = Edi837.create().interchange("000000001").group("7", Edi837.PROFESSIONAL)
                .transaction("0001").header().endTransaction();
        Edi837 beforeIea = Edi837.create().interchange("000000001").group("7", Edi837.PROFESSIONAL)
                .transaction("0001").header().endTransaction().endGroup();

        assertRefused(beforeGe, beforeGe.number(), "SE",
                "truncated file: it ends before GE (functional group 7 is not closed)");
        assertRefused(beforeIea, beforeIea.number(), "GE",
                "truncated file: it ends before IEA (interchange 000000001 is not closed)");
    }

    @Test
    void refusesInterchangeCutShortByTheNextOne() {
        String first = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL).transaction("0001")
                .header().text();
        String second = Edi837.create().interchange("000000002").group("2", Edi837.PROFESSIONAL)
                .transaction("0001").header().closeAll().text();

        assertRefused(first + "\n" + second, 7, "ISA", "truncated interchange 000000001: a new ISA comes before "
                + "its SE (transaction set 0001 is not closed)");
    }

    // --- the claim cannot be whole ---

    @Test
    void refusesClaimWithoutItsPatientControlNumber() {
        assertRefused(Edi837.professional("CLM**100***11:B:1*Y*A*Y*Y"), CLM, "CLM",
                "missing required element CLM01");
    }

    @Test
    void refusesClaimWhoseChargeIsNotANumber() {
        assertRefused(Edi837.professional("CLM*PCN-1*12O.50***11:B:1*Y*A*Y*Y"), CLM, "CLM",
                "CLM02 '12O.50' is not a number");
        assertRefused(Edi837.professional("CLM*PCN-1****11:B:1*Y*A*Y*Y"), CLM, "CLM",
                "missing required element CLM02");
    }

    @Test
    void refusesPatientControlNumberLongerThanX12Allows() {
        assertRefused(Edi837.professional("CLM*" + "P".repeat(39) + "*100***11:B:1"), CLM, "CLM",
                "CLM01 is 39 characters long; at most 38 are allowed");
    }

    @Test
    void refusesProfessionalServiceWithoutItsProcedure() {
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "SV1*HC*100*UN*1"), CLM + 2, "SV1",
                "SV101 has no procedure code (SV101-2)");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "SV1**100*UN*1"), CLM + 2, "SV1",
                "missing required element SV101");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "SV1*HC:90834**UN*1"), CLM + 2, "SV1",
                "missing required element SV102");
    }

    @Test
    void refusesInstitutionalServiceWithoutItsRevenueCode() {
        assertRefused(Edi837.institutional("CLM*PCN-1*100***13:A:1", "LX*1", "SV2**HC:90834*100*UN*1"), CLM + 2,
                "SV2", "missing required element SV201");
    }

    @Test
    void refusesServiceOfTheOtherKindOfClaim() {
        assertRefused(Edi837.institutional("CLM*PCN-1*100***13:A:1", "LX*1", "SV1*HC:90834*100*UN*1"), CLM + 2,
                "SV1", "SV1 is a professional service line, but GS08 005010X223A2 is an 837I");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "SV2*0900*HC:90834*100*UN*1"),
                CLM + 2, "SV2", "SV2 is an institutional service line, but GS08 005010X222A1 is an 837P");
    }

    @Test
    void refusesServiceLineWithoutItsService() {
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "DTP*472*D8*20240304", "LX*2",
                "SV1*HC:90834*100*UN*1"), CLM + 1, "LX", "service line 1 has no SV1 or SV2");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1"), CLM + 1, "LX",
                "service line 1 has no SV1 or SV2");
    }

    @Test
    void refusesServiceOutsideAServiceLine() {
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "SV1*HC:90834*100*UN*1"), CLM + 1, "SV1",
                "SV1 outside a service line (no LX before it)");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "SV1*HC:90834*100*UN*1",
                "SV1*HC:90834*100*UN*1"), CLM + 3, "SV1", "second SV1 in service line 1 (one LX per service)");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*A1", "SV1*HC:90834*100*UN*1"), CLM + 1,
                "LX", "LX01 'A1' is not a line number");
        assertRefused(Edi837.professional("LX*1"), CLM, "LX", "LX outside a claim (no CLM before it)");
    }

    @Test
    void refusesDiagnosisPointerThatIsNotOne() {
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "HI*ABK:F331", "LX*1",
                "SV1*HC:90834*100*UN*1***1:13"), CLM + 3, "SV1",
                "SV107 pointer '13' is not a diagnosis pointer (1-12)");
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "HI*ABK:F331", "LX*1",
                "SV1*HC:90834*100*UN*1***A"), CLM + 3, "SV1", "SV107 pointer 'A' is not a diagnosis pointer (1-12)");
    }

    @Test
    void refusesDiagnosisWithoutItsCode() {
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "HI*ABK:"), CLM + 1, "HI",
                "HI01 'ABK' has no code");
        assertRefused(Edi837.institutional("CLM*PCN-1*100***13:A:1", "HI*BI:74"), CLM + 1, "HI",
                "HI01 occurrence span has no dates (BI:code:RD8:CCYYMMDD-CCYYMMDD)");
    }

    @Test
    void refusesNameWithoutItsEntityCode() {
        assertRefused(Edi837.professional("CLM*PCN-1*100***11:B:1", "NM1**1*NGUYEN*MAI****XX*1098765432"), CLM + 1,
                "NM1", "missing required element NM101");
    }

    // --- the hierarchy leaves a claim without its parties ---

    @Test
    void refusesPatientLevelWithoutSubscriberAbove() {
        Edi837 edi = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL).transaction("0001")
                .header().billingProvider("1").segment("HL*2*1*23*0").segment("NM1*QC*1*RIVERA*LUCAS")
                .segment("CLM*PCN-1*100***11:B:1").closeAll();

        assertRefused(edi, 11, "HL", "patient level HL 2 has no subscriber level (HL 22) above it (HL02 names "
                + "'1', which is not one)");
    }

    @Test
    void refusesSubscriberLevelWithoutBillingProviderAbove() {
        Edi837 edi = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL).transaction("0001")
                .header().subscriberPatient("1", "").closeAll();

        assertRefused(edi, 7, "HL", "subscriber level HL 1 has no billing provider level (HL 20) above it");
    }

    @Test
    void refusesLevelOfUnknownKind() {
        String text = Edi837.professional().text().replace("HL*2*1*22*0", "HL*2*1*19*0");

        assertRefused(text, 11, "HL", "HL03 level '19' is not 20 (billing provider), 22 (subscriber) or 23 "
                + "(patient)");
    }

    @Test
    void refusesClaimDirectlyUnderItsBillingProvider() {
        Edi837 edi = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL).transaction("0001")
                .header().billingProvider("1").segment("CLM*PCN-1*100***11:B:1").closeAll();

        assertRefused(edi, 11, "CLM", "CLM outside a subscriber level (HL 22) or patient level (HL 23)");
    }

    @Test
    void refusesClaimWhoseSubscriberLevelNamesNoPayerOrSubscriber() {
        String withoutPayer = Edi837.professional("CLM*PCN-1*100***11:B:1").text()
                .replace("NM1*PR*2*STATE MEDICAID*****PI*77001~", "");
        String withoutSubscriber = Edi837.professional("CLM*PCN-1*100***11:B:1").text()
                .replace("NM1*IL*1*RIVERA*ANA****MI*MCD778899~", "");

        assertRefused(withoutPayer, CLM - 1, "CLM",
                "claim has no payer: subscriber level HL 2 holds no NM1*PR (loop 2010BB)");
        assertRefused(withoutSubscriber, CLM - 1, "CLM",
                "claim has no subscriber: subscriber level HL 2 holds no NM1*IL (loop 2010BA)");
    }

    @Test
    void refusesClaimWhoseBillingProviderOrPatientIsNotNamed() {
        String withoutBilling = Edi837.professional("CLM*PCN-1*100***11:B:1").text()
                .replace("NM1*85*2*RIVERSIDE COUNSELING*****XX*1234567893~", "");
        Edi837 withoutPatientName = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL)
                .transaction("0001").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("HL*3*2*23*0").segment("PAT*19").segment("CLM*PCN-1*100***11:B:1").closeAll();

        assertRefused(withoutBilling, CLM - 1, "CLM",
                "claim has no billing provider: billing provider level HL 1 holds no NM1*85 (loop 2010AA)");
        assertRefused(withoutPatientName, CLM + 2, "CLM",
                "claim has no patient: patient level HL 3 holds no NM1*QC (loop 2010CA)");
    }

    @Test
    void refusesSubscriberInformationOutsideASubscriberLevelOrClaim() {
        String text = Edi837.professional().text().replace("REF*EI*741234567~", "REF*EI*741234567~SBR*P*18~");

        assertRefused(text, 11, "SBR", "SBR outside a subscriber level (HL 22) or a claim");
    }

    // --- values that are not what they say; PHI is never quoted ---

    @Test
    void refusesBirthDateThatIsNotADateWithoutQuotingIt() {
        String text = Edi837.professional().text().replace("DMG*D8*19870412*F", "DMG*D8*19871304*F");

        MalformedX12Exception e = refusal(text.getBytes(StandardCharsets.UTF_8));
        assertThat(e.getMessage()).isEqualTo("segment 14 (DMG): DMG02 is not a valid date (CCYYMMDD)")
                .doesNotContain("19871304");
    }

    @Test
    void refusesServiceDatesThatAreNotDates() {
        String claim = "CLM*PCN-1*100***11:B:1";
        String line = "SV1*HC:90834*100*UN*1";
        assertRefused(Edi837.professional(claim, "LX*1", line, "DTP*472*RD8*20240230-20240301"), CLM + 3, "DTP",
                "DTP03 is not a valid date (RD8: CCYYMMDD-CCYYMMDD)");
        assertRefused(Edi837.professional(claim, "LX*1", line, "DTP*472*RD8*20240305-20240301"), CLM + 3, "DTP",
                "DTP03 is a range that ends before it starts");
        assertRefused(Edi837.professional(claim, "LX*1", line, "DTP*472*D8*2024-03-04"), CLM + 3, "DTP",
                "DTP03 is not a valid date (D8: CCYYMMDD)");
        assertRefused(Edi837.professional(claim, "LX*1", line, "DTP*472*D6*240304"), CLM + 3, "DTP",
                "DTP03 has format 'D6', not D8, RD8, DT or TM");
        assertRefused(Edi837.professional(claim, "LX*1", line, "DTP*472*TM*1030"), CLM + 3, "DTP",
                "DTP02 'TM' gives a time, not the date of service (D8 or RD8)");
        assertRefused(Edi837.institutional("CLM*PCN-1*100***13:A:1", "DTP*435*TM*0830"), CLM + 1, "DTP",
                "DTP02 'TM' gives a time, not the date DTP01 435 needs");
    }

    @Test
    void refusesBatchDateThatIsNotADate() {
        String text = Edi837.professional().text().replace("*BATCH0318*20240318*", "*BATCH0318*20241318*");

        assertRefused(text, 4, "BHT", "BHT04 '20241318' is not a valid date (CCYYMMDD)");
    }

    // --- envelope order ---

    @Test
    void refusesEnvelopesOutOfOrder() {
        String text = Edi837.professional().text();
        assertRefused(text.replace("GS*HC*", "ST*837*0009~GS*HC*"), 2, "ST",
                "ST outside a functional group (no GS before it)");
        assertRefused(text.replace("~SE*", "~GE*1*1~SE*"), Edi837.professional().number() - 2, "GE",
                "GE before the SE that closes transaction set 0001");
        assertRefused(text.replace("BHT*", "ST*837*0002~BHT*"), 4, "ST",
                "ST before the SE that closes transaction set 0001");
        assertRefused(text.replace("GE*1*1~", ""), Edi837.professional().number() - 1, "IEA",
                "IEA before the GE that closes functional group 1");
    }

    @Test
    void refusesBeginningOfTransactionAfterItsBody() {
        String text = Edi837.professional("BHT*0019*00*AGAIN*20240318*0930*CH").text();

        assertRefused(text, CLM, "BHT", "BHT after the beginning of transaction set 0001");
    }

    // --- what is tolerated ---

    @Test
    @DisplayName("wrong SE/GE/IEA counts and control numbers are tolerated: real clearinghouses forward them")
    void acceptsTrailersWhoseCountsAndControlNumbersAreWrong() throws MalformedX12Exception {
        String text = Edi837.professional("CLM*PCN-1*100***11:B:1", "LX*1", "SV1*HC:90834*100*UN*1").text()
                .replaceAll("SE\\*\\d+\\*0001", "SE*25*987654")
                .replace("GE*1*1~", "GE*3*99~")
                .replace("IEA*1*000000001", "IEA*2*000000905");

        ClaimFile file = Edi837.parse(text);

        assertThat(file.claimCount()).isEqualTo(1);
        assertThat(file.transactions().get(0).controlNumber()).isEqualTo("0001");
    }

    @Test
    void acceptsPatientLevelWhoseParentIdNamesNoLevel() throws MalformedX12Exception {
        ClaimFile file = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL)
                .transaction("0001").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("HL*3*9*23*0").segment("NM1*QC*1*RIVERA*LUCAS")
                .segment("CLM*PCN-1*100***11:B:1").segment("LX*1").segment("SV1*HC:90834*100*UN*1")
                .closeAll().parse();

        assertThat(file.transactions().get(0).claims().get(0).patient())
                .extracting("firstName", "memberId").containsExactly("LUCAS", "MCD778899");
    }

    @Test
    void acceptsClaimWithoutDiagnosesLinesOrBatchHeader() throws MalformedX12Exception {
        String text = Edi837.professional("CLM*PCN-1*100***11:B:1").text()
                .replace("BHT*0019*00*BATCH0318*20240318*0930*CH~", "");

        ClaimFile file = Edi837.parse(text);

        assertThat(file.transactions().get(0).createdOn()).isNull();
        assertThat(file.transactions().get(0).submittedOn()).isEqualTo(java.time.LocalDate.of(2024, 3, 18));
        assertThat(file.transactions().get(0).claims().get(0).lines()).isEmpty();
    }
}

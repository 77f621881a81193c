package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.remittance.Edi835;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.remittance.UnreadableTransaction;

/**
 * Files that are not usable 835s are refused whole, with the number and id of the segment at fault
 * (counting from 1 at the ISA) and the reason; a file of several transaction sets one of which is not usable has
 * that one left out. Wrong trailer counts and control numbers are warnings, not refusals. {@link Edi835#withClaims}
 * numbers its segments ISA 1, GS 2, ST 3, BPR 4, TRN 5, N1*PR 6, N1*PE 7, so the first claim segment is 8.
 */
class MalformedRemittanceTest {

    private static final String BPR = "BPR*I*100*C*CHK************20240315";
    private static final String TRN = "TRN*1*CHECK123*1512345678";
    private static final String PAYER = "N1*PR*ACME HEALTH PLAN";
    private static final String PAYEE = "N1*PE*RIVERSIDE COUNSELING*XX*1234567893";

    private final RemittanceParser parser = RemittanceParser.standard();

    @Test
    void rejectsFileThatIsNotX12AtAll() {
        MalformedX12Exception e = rejection("Dear provider, your payment of $100 is on its way.\n");

        assertThat(e.getMessage()).isEqualTo("segment 1 (?): no ISA interchange header");
    }

    @Test
    void rejectsEmptyFile() {
        assertThat(rejection("").reason()).isEqualTo("no ISA interchange header");
        assertThat(rejection("  \r\n ").segmentNumber()).isEqualTo(1);
    }

    @Test
    @DisplayName("a file that starts directly at ST is refused: without ISA there are no delimiters or control numbers")
    void rejectsFileThatStartsAtTransactionSetHeader() {
        String text = Edi835.withClaims("CLP*A*1*10*10**12").text();
        String fromSt = text.substring(text.indexOf("ST*835"));

        assertThat(rejection(fromSt).getMessage()).isEqualTo("segment 1 (ST): no ISA interchange header");
    }

    @Test
    void rejectsFileThatEndsBeforeItsInterchangeTrailer() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001").header()
                .endTransaction().endGroup();

        assertRejected(edi.text(), edi.number(), "GE", "truncated file: it ends before IEA");
    }

    @Test
    void rejectsFileThatEndsBeforeItsGroupTrailer() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001").header()
                .endTransaction();

        assertRejected(edi.text(), edi.number(), "SE", "truncated file: it ends before GE");
    }

    @Test
    void rejectsFileThatEndsBeforeItsTransactionTrailer() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001").header()
                .segment("CLP*A*1*10*10**12");

        assertRejected(edi.text(), 8, "CLP", "truncated file: it ends before SE");
    }

    @Test
    void rejectsFileThatEndsInsideASegment() {
        String text = Edi835.withClaims("CLP*A*1*10*10**12", "SVC*HC:90837*10*10").text();
        String cut = text.substring(0, text.indexOf("SVC*HC:9") + 8);

        assertRejected(cut, 9, "SVC", "truncated file: it ends before SE");
    }

    @Test
    void rejectsIsaWithTooFewElements() {
        String text = Edi835.withClaims().text().replace("*P*:~", "~");

        assertRejected(text, 1, "ISA", "bad ISA: ISA14 '0~GS' is longer than 1 character");
    }

    @Test
    void rejectsIsaWhoseControlNumberIsNotNumeric() {
        String text = Edi835.withClaims().text().replace("*000000001*", "*00000000A*");

        assertRejected(text, 1, "ISA", "bad ISA: ISA13 '00000000A' is not a 9-digit interchange control number");
    }

    @Test
    void rejectsIsaWithoutSegmentTerminator() {
        String text = Edi835.withClaims().text().replace("*P*:~GS", "*P*:GS");

        assertRejected(text, 1, "ISA", "bad ISA: 'G' after ISA16 cannot be a segment terminator");
    }

    @Test
    void rejectsIsaHoldingACharacterThatIsNotAscii() {
        // found by the fuzz test: a character of two bytes shifted StAEDI's fixed header layout
        String text = Edi835.withClaims().text().replace("*SENDER         *", "*SEND\u00c9R         *");

        assertRejected(text, 1, "ISA", "bad ISA: ISA06 holds a byte that is not printable ASCII (0xC3)");
    }

    @Test
    void rejectsIsaHoldingAControlCharacter() {
        String text = Edi835.withClaims().text().replace("*SENDER         *", "*SEND\u0000R         *");

        assertRejected(text, 1, "ISA", "bad ISA: ISA06 holds a byte that is not printable ASCII (0x00)");
    }

    @Test
    void rejectsVersion5010IsaWhoseRepetitionSeparatorIsALetter() {
        String text = Edi835.withClaims().text().replace("*1200*^*00501*", "*1200*U*00501*");

        assertRejected(text, 1, "ISA", "bad ISA: ISA11 'U' cannot be a repetition separator");
    }

    @Test
    @DisplayName("a wrong SE01 is accepted with a warning on its transaction set: real payers send such files")
    void acceptsFileWhoseSeCountIsWrongWithAWarning() throws MalformedX12Exception {
        Edi835 edi = Edi835.withClaims("CLP*A*1*10*10**12");
        String text = edi.text().replace("SE*7*0001", "SE*8*0001");

        assertThat(warnings(text)).containsExactly("SE01 says 8 but transaction set 0001 has 7 segments");
        assertThat(parser.parse(Edi835.stream(text)).transactions().get(0).claims()).hasSize(1);
    }

    @Test
    @DisplayName("SE01 that is not a number (StAEDI lets it pass) is a count mismatch too")
    void warnsOfSeCountThatIsNotANumber() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("SE*6*0001", "SE*SIX*0001");

        assertThat(warnings(text)).containsExactly("SE01 says SIX but transaction set 0001 has 6 segments");
    }

    @Test
    void warnsOfMissingTrailerCountAndControlNumber() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("SE*6*0001", "SE").replace("GE*1*1~", "GE*1~");

        assertThat(warnings(text)).containsExactly("SE01 is missing; transaction set 0001 has 6 segments",
                "SE02 is missing; ST02 is '0001'", "GE02 is missing; GS06 is '1'");
    }

    @Test
    void acceptsCountWrittenWithLeadingZeros() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("SE*6*0001", "SE*006*0001");

        assertThat(parser.parse(Edi835.stream(text)).transactions()).singleElement()
                .satisfies(t -> assertThat(t.envelopeWarnings()).isEmpty());
    }

    @Test
    void hasNoWarningWhenEveryTrailerFits() throws MalformedX12Exception {
        assertThat(warnings(Edi835.withClaims("CLP*A*1*10*10**12").text())).isEmpty();
    }

    @Test
    @DisplayName("control numbers must be identical: GE02 01 does not close GS06 1")
    void warnsOfControlNumberThatDiffersOnlyInLeadingZeros() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("GE*1*1~", "GE*1*01~");

        assertThat(warnings(text)).containsExactly("GE02 '01' does not match GS06 '1'");
    }

    @Test
    void warnsOfWrongGeCount() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("GE*1*1", "GE*2*1");

        assertThat(warnings(text)).containsExactly("GE01 says 2 but functional group 1 has 1 transaction set");
    }

    @Test
    void warnsOfWrongIeaCount() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("IEA*1*", "IEA*3*");

        assertThat(warnings(text)).containsExactly("IEA01 says 3 but interchange 000000001 has 1 functional group");
    }

    @Test
    void warnsOfSeControlNumberThatDiffersFromSt() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("SE*6*0001", "SE*6*0002");

        assertThat(warnings(text)).containsExactly("SE02 '0002' does not match ST02 '0001'");
    }

    @Test
    void warnsOfGeControlNumberThatDiffersFromGs() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("GE*1*1~", "GE*1*7~");

        assertThat(warnings(text)).containsExactly("GE02 '7' does not match GS06 '1'");
    }

    @Test
    void warnsOfIeaControlNumberThatDiffersFromIsa() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("IEA*1*000000001", "IEA*1*000000002");

        assertThat(warnings(text)).containsExactly("IEA02 '000000002' does not match ISA13 '000000001'");
    }

    @Test
    @DisplayName("every trailer wrong at once: all warnings, in the order of the trailers; the payment is still read")
    void listsEveryTrailerMismatchInOrder() throws MalformedX12Exception {
        String text = Edi835.withClaims("CLP*A*1*10*10**12").text().replace("SE*7*0001", "SE*25*0009")
                .replace("GE*1*1~", "GE*4*2~").replace("IEA*1*000000001", "IEA*2*000000286");

        assertThat(warnings(text)).containsExactly("SE01 says 25 but transaction set 0001 has 7 segments",
                "SE02 '0009' does not match ST02 '0001'", "GE01 says 4 but functional group 1 has 1 transaction set",
                "GE02 '2' does not match GS06 '1'", "IEA01 says 2 but interchange 000000001 has 1 functional group",
                "IEA02 '000000286' does not match ISA13 '000000001'");
    }

    @Test
    void quotesARunawayTrailerValueShort() throws MalformedX12Exception {
        String text = Edi835.withClaims().text().replace("SE*6*0001", "SE*" + "9".repeat(100) + "*0001");

        assertThat(warnings(text)).containsExactly("SE01 says " + "9".repeat(40)
                + "... (100 characters) but transaction set 0001 has 6 segments");
    }

    @Test
    void rejectsNonNumericAmount() {
        assertRejected(Edi835.withClaims("CLP*A*1*12a*10**12").text(), 8, "CLP", "CLP03 '12a' is not a number");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "SVC*HC:90837*10*1,0").text(), 9, "SVC",
                "SVC03 '1,0' is not a number");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "CAS*CO*45*1.2.3").text(), 9, "CAS",
                "CAS03 '1.2.3' is not a number");
    }

    @Test
    void rejectsAmountBeyondTwelveDigitsBeforeThePoint() {
        // found by the fuzz test: the parser read it, then the database refused it (numeric(14,2)) with a 500
        assertRejected(Edi835.withClaims("CLP*A*1*1000000000000*10**12").text(), 8, "CLP",
                "CLP03 '1000000000000' is out of range: more than 12 digits before the decimal point");
        assertThat(rejection(Edi835.withClaims("CLP*A*1*10*10**12", "CAS*CO*45*1" + "0".repeat(500)).text())
                .getMessage()).isEqualTo("segment 9 (CAS): CAS03 '1000000000000000000000000000000000000000... "
                        + "(501 characters)' is out of range: more than 12 digits before the decimal point");
    }

    @Test
    void acceptsTheLargestAmountKept() throws MalformedX12Exception {
        var file = parser.parse(Edi835.stream(Edi835.withClaims("CLP*A*1*999999999999.99*0**12").text()));

        assertThat(file.transactions().get(0).claims().get(0).charge()).isEqualByComparingTo("999999999999.99");
    }

    @Test
    void rejectsValueLongerThanX12AllowsWithoutRepeatingIt() {
        // found by the fuzz test: an overlong payee id, payment method or claim number failed in the database
        String payeeId = "9".repeat(81);
        MalformedX12Exception e = rejection(file("ST*835*0001", BPR, TRN, PAYER,
                "N1*PE*RIVERSIDE COUNSELING*XX*" + payeeId));

        assertThat(e.getMessage()).isEqualTo("segment 7 (N1): N104 is 81 characters long; at most 80 are allowed");
        assertRejected(file("ST*835*0001", "BPR*I*100*CC*CHK", TRN, PAYER, PAYEE), 4, "BPR",
                "BPR03 is 2 characters long; at most 1 are allowed");
        assertRejected(Edi835.withClaims("CLP*" + "A".repeat(39) + "*1*10*10**12").text(), 8, "CLP",
                "CLP01 is 39 characters long; at most 38 are allowed");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "NM1*QC*1*" + "DOE".repeat(21)).text(), 9, "NM1",
                "NM103 is 63 characters long; at most 60 are allowed");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "SVC*HC:" + "9".repeat(49) + "*10*10").text(), 9,
                "SVC", "SVC01-2 (procedure code) is 49 characters long; at most 48 are allowed");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "SVC*HC:90837:95:" + "X".repeat(20) + "*10*10")
                .text(), 9, "SVC", "SVC01 modifiers is 23 characters long; at most 20 are allowed");
        assertRejected(Edi835.withClaims("CLP*A*1*10*0**12", "CAS*CO*197197*10").text(), 9, "CAS",
                "CAS02 is 6 characters long; at most 5 are allowed");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "SVC*HC:90837*10*10", "LQ*HE*" + "N".repeat(31))
                .text(), 10, "LQ", "LQ02 is 31 characters long; at most 30 are allowed");
        assertRejected(Edi835.withClaims("PLB*" + "1".repeat(51) + "*20241231*WO*10").text(), 8, "PLB",
                "PLB01 is 51 characters long; at most 50 are allowed");
    }

    @Test
    void rejectsNulCharacterAnywhereInASegment() {
        // found by the fuzz test: PostgreSQL refuses a NUL in text, so such a file failed in the database
        assertRejected(Edi835.withClaims("CLP*A*1*10*0**12", "CAS*C\u0000*16*10").text(), 9, "CAS",
                "CAS01 holds a NUL character");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "NM1*QC*1*DOE\u0000*JANE").text(), 9, "NM1",
                "NM103 holds a NUL character");
    }

    @Test
    void escapesControlCharactersQuotedInItsMessage() {
        MalformedX12Exception e = rejection(Edi835.withClaims("CLP*A*1*1\u00012*10**12").text());

        assertThat(e.getMessage()).isEqualTo("segment 8 (CLP): CLP03 '1\\u00012' is not a number");
    }

    @Test
    void rejectsInvalidDate() {
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "SVC*HC:90837*10*10", "DTM*472*20240230").text(),
                10, "DTM", "DTM02 '20240230' is not a valid date (CCYYMMDD)");
        assertRejected(Edi835.withClaims("CLP*A*1*10*10**12", "DTM*232*240301").text(), 9, "DTM",
                "DTM02 '240301' is not a valid date");
        assertRejected(Edi835.withClaims("PLB*123*2024-12-31*WO*10").text(), 8, "PLB",
                "PLB02 '2024-12-31' is not a valid date");
    }

    static Stream<Arguments> missingRequiredElements() {
        return Stream.of(
                missing("ST02", 3, "ST*835"),
                missing("BPR01", 4, "ST*835*0001", "BPR**100*C*CHK", TRN, PAYER, PAYEE),
                missing("BPR02", 4, "ST*835*0001", "BPR*I**C*CHK", TRN, PAYER, PAYEE),
                missing("BPR03", 4, "ST*835*0001", "BPR*I*100**CHK", TRN, PAYER, PAYEE),
                missing("BPR04", 4, "ST*835*0001", "BPR*I*100*C", TRN, PAYER, PAYEE),
                missing("TRN01", 5, "ST*835*0001", BPR, "TRN**CHECK123", PAYER, PAYEE),
                missing("TRN02", 5, "ST*835*0001", BPR, "TRN*1", PAYER, PAYEE),
                missing("N101", 6, "ST*835*0001", BPR, TRN, "N1**ACME", PAYEE),
                missing("N102", 6, "ST*835*0001", BPR, TRN, "N1*PR", PAYEE),
                missing("N102", 7, "ST*835*0001", BPR, TRN, PAYER, "N1*PE**XX*1234567893"),
                missing("CLP01", 8, claimFile("CLP**1*10*10**12")),
                missing("CLP02", 8, claimFile("CLP*A**10*10**12")),
                missing("CLP03", 8, claimFile("CLP*A*1")),
                missing("CLP04", 8, claimFile("CLP*A*1*10")),
                missing("CAS01", 9, claimFile("CLP*A*1*10*0**12", "CAS**45*10")),
                missing("CAS02", 9, claimFile("CLP*A*1*10*0**12", "CAS*CO**10")),
                missing("CAS03", 9, claimFile("CLP*A*1*10*0**12", "CAS*CO*45")),
                missing("CAS06", 9, claimFile("CLP*A*1*10*0**12", "CAS*CO*45*5**97")),
                missing("SVC01", 9, claimFile("CLP*A*1*10*0**12", "SVC**10*0")),
                missing("SVC02", 9, claimFile("CLP*A*1*10*0**12", "SVC*HC:90837**0")),
                missing("SVC03", 9, claimFile("CLP*A*1*10*0**12", "SVC*HC:90837*10")),
                missing("PLB01", 8, claimFile("PLB**20241231*WO*10")),
                missing("PLB02", 8, claimFile("PLB*123**WO*10")),
                missing("PLB03", 8, claimFile("PLB*123*20241231**10")),
                missing("PLB04", 8, claimFile("PLB*123*20241231*WO")),
                missing("PLB06", 8, claimFile("PLB*123*20241231*WO*10*L6")));
    }

    @ParameterizedTest(name = "{0} at segment {1}")
    @MethodSource("missingRequiredElements")
    void rejectsSegmentMissingARequiredElement(String element, int segment, List<String> body) {
        String text = file(body.toArray(String[]::new));

        assertRejected(text, segment, element.substring(0, element.length() - 2),
                "missing required element " + element);
    }

    @Test
    void rejectsClaimWithTooFewElements() {
        assertRejected(Edi835.withClaims("CLP*090909*22").text(), 8, "CLP", "missing required element CLP03");
    }

    @Test
    void rejectsServiceLineWithoutProcedureCode() {
        assertRejected(Edi835.withClaims("CLP*A*1*10*0**12", "SVC*HC:*10*0").text(), 9, "SVC",
                "SVC01 'HC:' has no procedure code");
    }

    @Test
    void rejectsTransactionSetThatIsNotAnEightThirtyFive() {
        String text = Edi835.withClaims().text().replace("ST*835*", "ST*837*");

        assertRejected(text, 3, "ST", "transaction set ST01 '837' is not an 835");
    }

    @Test
    void rejectsFunctionalGroupThatIsNotHealthCarePayment() {
        String text = Edi835.withClaims().text().replace("GS*HP*", "GS*HC*");

        assertRejected(text, 2, "GS", "functional group GS01 'HC' is not HP");
    }

    @Test
    void rejectsVersionThatIsNotAnEightThirtyFiveGuide() {
        Edi835 professional = Edi835.create().interchange("000000001").group("1", "005010X222A1")
                .transaction("0001").header().closeAll();
        Edi835 old = Edi835.create().interchange("000000001").group("1", "003051").transaction("0001").header()
                .closeAll();

        assertRejected(professional.text(), 2, "GS", "GS08 version '005010X222A1' is not an 835 version");
        assertRejected(old.text(), 2, "GS", "GS08 version '003051' is not an 835 version");
    }

    @Test
    void rejectsClaimOutsideAnyTransaction() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001").header()
                .endTransaction().segment("CLP*A*1*10*10**12").endGroup().endInterchange();

        assertRejected(edi.text(), 9, "CLP", "CLP outside any transaction");
    }

    @Test
    void rejectsAdjustmentOrServiceLineBeforeAnyClaim() {
        assertRejected(Edi835.withClaims("CAS*CO*45*10").text(), 8, "CAS", "CAS outside a claim");
        assertRejected(Edi835.withClaims("SVC*HC:90837*10*10").text(), 8, "SVC", "SVC outside a claim");
    }

    @Test
    void rejectsTransactionWithoutPaymentOrParties() {
        assertRejected(file("ST*835*0001", TRN, PAYER, PAYEE), 7, "SE", "transaction set 0001 has no BPR");
        assertRejected(file("ST*835*0001", BPR, PAYER, PAYEE), 7, "SE", "transaction set 0001 has no TRN");
        assertRejected(file("ST*835*0001", BPR, TRN, PAYEE), 7, "SE", "transaction set 0001 has no N1*PR");
        assertRejected(file("ST*835*0001", BPR, TRN, PAYER), 7, "SE", "transaction set 0001 has no N1*PE");
    }

    @Test
    void rejectsTransactionSetOpenedBeforeThePreviousOneClosed() {
        String text = file("ST*835*0001", BPR, TRN, PAYER, PAYEE, "ST*835*0002", BPR, TRN, PAYER, PAYEE);

        assertRejected(text, 8, "ST", "ST before the SE that closes transaction set 0001");
    }

    @Test
    void rejectsInterchangeOpenedBeforeThePreviousOneClosed() {
        String first = Edi835.create().interchange("000000001").group("1").transaction("0001").header()
                .endTransaction().endGroup().text();
        String second = Edi835.withClaims().text().replace("000000001", "000000002");

        assertRejected(first + second, 10, "ISA", "ISA before the IEA that closes interchange 000000001");
    }

    @Test
    @DisplayName("an error in a later interchange rejects the whole file: nothing of the sound part is returned")
    void rejectsWholeFileWhenALaterInterchangeHasABadHeader() {
        String first = Edi835.withClaims("CLP*A*1*10*10**12").text();
        String second = Edi835.withClaims().text().replace("*000000001*", "*0000001*");

        assertRejected(first + second, 12, "ISA", "bad ISA: ISA13 '0000001' is not a 9-digit");
    }

    @Test
    @DisplayName("a content error in one of several transaction sets leaves that one out and reads the others")
    void readsTheOtherTransactionSetsWhenOneIsMalformed() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*ten*10**12").segment("SVC*HC:90837*10*10")
                .endTransaction()
                .transaction("0003").header().segment("CLP*C*1*10*10**12").endTransaction()
                .endGroup().endInterchange();

        RemittanceFile file = parser.parse(edi.stream());

        assertThat(file.transactions()).extracting(RemittanceAdvice::controlNumber).containsExactly("0001", "0003");
        assertThat(file.transactions()).allSatisfy(t -> assertThat(t.envelopeWarnings()).isEmpty());
        assertThat(file.unreadable()).containsExactly(new UnreadableTransaction("0002", 10, 17, 15, "CLP",
                "segment 15 (CLP): CLP03 'ten' is not a number"));
        assertThat(file.unreadable().get(0).describe()).isEqualTo(
                "transaction set 0002 (segments 10-17): segment 15 (CLP): CLP03 'ten' is not a number");
    }

    @Test
    @DisplayName("a transaction set that lacks what every payment needs, found at its SE, is left out the same way")
    void leavesOutTransactionSetWithoutPayer() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").segment(BPR).segment(TRN).segment(PAYEE).endTransaction()
                .transaction("0002").header().endTransaction()
                .endGroup().endInterchange();

        RemittanceFile file = parser.parse(edi.stream());

        assertThat(file.transactions()).extracting(RemittanceAdvice::controlNumber).containsExactly("0002");
        assertThat(file.unreadable()).extracting(UnreadableTransaction::describe).containsExactly(
                "transaction set 0001 (segments 3-7): segment 7 (SE): transaction set 0001 has no N1*PR (payer)");
    }

    @Test
    @DisplayName("when no transaction set of the file reads, it is refused with the first error, as before")
    void rejectsFileNoTransactionSetOfWhichReads() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*one*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*ten*10**12").endTransaction()
                .endGroup().endInterchange();

        assertRejected(edi.text(), 8, "CLP", "CLP03 'one' is not a number");
    }

    @Test
    @DisplayName("an envelope error after a malformed transaction set refuses the file, naming the first error as before")
    void rejectsStructuralErrorAfterAMalformedTransactionSet() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*ten*10**12").endGroup().endInterchange();
        Edi835 sound = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*10*10**12").endGroup().endInterchange();

        assertRejected(edi.text(), 15, "CLP", "CLP03 'ten' is not a number");
        assertRejected(sound.text(), 16, "GE", "GE before the SE that closes transaction set 0002");
    }

    @Test
    @DisplayName("a file cut short after a malformed transaction set names the first error, as before")
    void rejectsTruncatedFileAfterAMalformedTransactionSet() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*ten*10**12").endTransaction()
                .transaction("0003").header().segment("CLP*C*1*10*10**12");

        assertRejected(edi.text(), 15, "CLP", "CLP03 'ten' is not a number");
    }

    @Test
    @DisplayName("a file cut short after a readable transaction set is refused whole: truncated")
    void rejectsTruncatedFileWhoseFirstTransactionSetReads() {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header().segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header().segment("CLP*B*1*10*10**12");

        assertRejected(edi.text(), 15, "CLP", "truncated file: it ends before SE (transaction set 0002 is not closed)");
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        byte[] valid = Edi835.withClaims("CLP*A*1*10*10**12").text().getBytes(StandardCharsets.UTF_8);
        String marked = new String(valid, StandardCharsets.ISO_8859_1).replace("ACME", "AC\u0092E");
        byte[] latin = marked.getBytes(StandardCharsets.ISO_8859_1);

        MalformedX12Exception e = catchThrowableOfType(() -> parser.parse(new ByteArrayInputStream(latin)),
                MalformedX12Exception.class);

        assertThat(e.segmentNumber()).isEqualTo(6);
        assertThat(e.reason()).isEqualTo("the text is not valid UTF-8");
    }

    @Test
    void namesNoPatientInItsMessages() {
        MalformedX12Exception e = rejection(Edi835.withClaims("CLP*A*1*10*10**12",
                "NM1*QC*1*DOE*JANE****MI*M123", "DTM*232*2024").text());

        assertThat(e.getMessage()).doesNotContain("DOE", "JANE", "M123");
    }

    private static Arguments missing(String element, int segment, String... body) {
        return Arguments.of(element, segment, List.of(body));
    }

    private static Arguments missing(String element, int segment, List<String> body) {
        return Arguments.of(element, segment, body);
    }

    private static List<String> claimFile(String... claimSegments) {
        List<String> body = new ArrayList<>(List.of("ST*835*0001", BPR, TRN, PAYER, PAYEE));
        body.addAll(List.of(claimSegments));
        return body;
    }

    /** ISA, GS, the segments given (from ST on), then SE, GE and IEA with the right counts. */
    private static String file(String... fromSt) {
        Edi835 edi = Edi835.create().interchange("000000001").group("1");
        for (String segment : fromSt) {
            if (segment.startsWith("ST*")) {
                edi.transaction(segment.length() > 7 ? segment.substring(7) : "");
            } else {
                edi.segment(segment);
            }
        }
        return edi.endTransaction().endGroup().endInterchange().text();
    }

    private void assertRejected(String text, int segment, String id, String reason) {
        MalformedX12Exception e = rejection(text);

        assertThat(e.segmentNumber()).as(e.getMessage()).isEqualTo(segment);
        assertThat(e.segmentId()).as(e.getMessage()).isEqualTo(id);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).isEqualTo("segment " + segment + " (" + id + "): " + e.reason());
    }

    /** The envelope warnings of the file's only transaction set. */
    private List<String> warnings(String text) throws MalformedX12Exception {
        RemittanceFile file = parser.parse(Edi835.stream(text));
        assertThat(file.unreadable()).isEmpty();
        return file.transactions().get(0).envelopeWarnings();
    }

    private MalformedX12Exception rejection(String text) {
        InputStream in = Edi835.stream(text);
        MalformedX12Exception e = catchThrowableOfType(() -> parser.parse(in),
                MalformedX12Exception.class);
        assertThat(e).as("rejected").isNotNull();
        return e;
    }
}

package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.claim.FunctionalAcknowledgement;
import org.overturn.claim.TransactionSetAcknowledgement;
import org.overturn.x12.MalformedX12Exception;

/** Generated 999s: every field read, every loop defect refused. */
class Generated999Test {

    private final AcknowledgementParser parser = AcknowledgementParser.standard();

    private static AckText one999() {
        return AckText.create().interchange("000000101").group999("501").transaction("999", "0001");
    }

    @Test
    @DisplayName("every field: AK1, AK2 with AK203, IK3 with loop, IK4 with component and repetition, CTX, IK5, AK9")
    void readsEveryField() throws MalformedX12Exception {
        String text = one999()
                .segment("AK1*HC*12345*005010X222A1")
                .segment("AK2*837*000000001*005010X222A1")
                .segment("IK5*A")
                .segment("AK2*837*000000002*005010X222A1")
                .segment("IK3*NM1*14*2010BA*8")
                .segment("CTX*CLM01:PCN-0002A")
                .segment("IK4*9*67*7")
                .segment("IK4*5:1:2*1331*I12*XX")
                .segment("IK3*DTP*30*2400*I6")
                .segment("CTX*SITUATIONAL TRIGGER*SV1*28*2400*7:2")
                .segment("CTX*CLM01:PCN-0002A")
                .segment("IK3*HI*22**8")
                .segment("CTX*CLM01:PCN-0002B")
                .segment("IK4*1*1270*I9")
                .segment("IK5*R*5*4*I5*23")
                .segment("AK2*837*000000003")
                .segment("IK3*CLM*40")
                .segment("IK4*2")
                .segment("IK5*E")
                .segment("AK9*P*3*3*2*5")
                .closeAll().text();

        AcknowledgementFile file = parser.parse(text.getBytes());

        assertThat(file.kind()).isEqualTo("999");
        FunctionalAcknowledgement ack = file.functional().get(0);
        assertThat(ack.groupControlNumber()).isEqualTo("12345");
        assertThat(ack.implementation()).isEqualTo("005010X222A1");
        assertThat(ack.groupStatus()).isEqualTo("P");
        assertThat(ack.createdOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ack.sender()).isEqualTo("CLEARINGHOUSE");
        assertThat(ack.transactionSets()).extracting(TransactionSetAcknowledgement::transactionType,
                        TransactionSetAcknowledgement::controlNumber, TransactionSetAcknowledgement::implementation,
                        TransactionSetAcknowledgement::status, TransactionSetAcknowledgement::accepted)
                .containsExactly(tuple("837", "000000001", "005010X222A1", "A", true),
                        tuple("837", "000000002", "005010X222A1", "R", false),
                        tuple("837", "000000003", null, "E", true));
        TransactionSetAcknowledgement rejected = ack.transactionSets().get(1);
        assertThat(rejected.errors()).containsExactly(
                "segment NM1 at 14 (loop 2010BA): segment has data element errors",
                "segment NM1 at 14, element NM109 (data element 67): invalid code value",
                "segment NM1 at 14, element NM105-1 (repetition 2) (data element 1331): "
                        + "implementation pattern match failure",
                "segment DTP at 30 (loop 2400): implementation dependent segment missing"
                        + " (situational trigger: segment SV1 at 28, SV107-2)",
                "segment HI at 22: segment has data element errors",
                "segment HI at 22, element HI01 (data element 1270): implementation dependent data element missing",
                "transaction set: number of included segments does not match actual count",
                "transaction set: transaction set control number not unique within the functional group");
        // the same claim named twice is listed once, in the order first named
        assertThat(rejected.claimIds()).containsExactly("PCN-0002A", "PCN-0002B");
        assertThat(ack.transactionSets().get(2).errors()).containsExactly(
                "segment CLM at 40: segment in error (no error code given)",
                "segment CLM at 40, element CLM02: data element in error (no error code given)");
        assertThat(ack.transactionSets().get(2).claimIds()).isEmpty();
    }

    @Test
    @DisplayName("the bad value IK404 is never copied into an error line (it may be a patient's name)")
    void leavesTheBadValueOut() throws MalformedX12Exception {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK3*NM1*9*2010BA*8")
                .segment("IK4*3*1035*6*DOE JOHN").segment("IK5*R*5").segment("AK9*R*1*1*0").closeAll().text();

        TransactionSetAcknowledgement set = parser.parse(text.getBytes()).functional().get(0).transactionSets()
                .get(0);

        assertThat(String.join("\n", set.errors())).doesNotContain("DOE").doesNotContain("JOHN");
        assertThat(set.errors()).contains(
                "segment NM1 at 9, element NM103 (data element 1035): invalid character in data element");
    }

    @Test
    void namesAnUnknownCodeAsSent() throws MalformedX12Exception {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK3*CLM*9**Z9")
                .segment("IK4*2*782*Q1").segment("IK5*R*Z7").segment("AK9*R*1*1*0").closeAll().text();

        assertThat(parser.parse(text.getBytes()).functional().get(0).transactionSets().get(0).errors())
                .containsExactly("segment CLM at 9: error code Z9",
                        "segment CLM at 9, element CLM02 (data element 782): error code Q1",
                        "transaction set: error code Z7");
    }

    @ParameterizedTest(name = "IK501 {0}: accepted {1}")
    @CsvSource({"A,true", "E,true", "M,false", "R,false", "W,false", "X,false"})
    void readsEveryTransactionSetStatus(String status, boolean accepted) throws MalformedX12Exception {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK5*" + status)
                .segment("AK9*" + status + "*1*1*" + (accepted ? 1 : 0)).closeAll().text();

        FunctionalAcknowledgement ack = parser.parse(text.getBytes()).functional().get(0);

        assertThat(ack.groupStatus()).isEqualTo(status);
        assertThat(ack.transactionSets().get(0).status()).isEqualTo(status);
        assertThat(ack.transactionSets().get(0).accepted()).isEqualTo(accepted);
    }

    @Test
    @DisplayName("a 999 answering a group with no transaction set it could read: AK1 and AK9 only")
    void readsA999WithoutAk2() throws MalformedX12Exception {
        String text = one999().segment("AK1*HC*77").segment("AK9*R*0*0*0*2").closeAll().text();

        FunctionalAcknowledgement ack = parser.parse(text.getBytes()).functional().get(0);

        assertThat(ack.groupStatus()).isEqualTo("R");
        assertThat(ack.implementation()).isNull();
        assertThat(ack.transactionSets()).isEmpty();
    }

    @Test
    @DisplayName("several 999s in several groups and interchanges, each with its group's GS02 and GS04")
    void readsSeveral999s() throws MalformedX12Exception {
        String first = AckText.create().interchange("000000001").group999("1")
                .transaction("999", "0001").segment("AK1*HC*11").segment("AK9*A*0*0*0").endTransaction()
                .transaction("999", "0002").segment("AK1*HC*12").segment("AK9*A*0*0*0").endTransaction()
                .endGroup()
                .group("FA", "OTHERHOUSE", "20261130", "2", "005010X231")
                .transaction("999", "0001").segment("AK1*HC*13").segment("AK9*R*0*0*0").endTransaction()
                .endGroup().endInterchange().text();
        String second = AckText.create().delimiters('|', '>', '\n', "").interchange("000000002").group999("3")
                .transaction("999", "0001").segment("AK1*HC*14").segment("AK2*837*0001").segment("IK3*CLM*3**8")
                .segment("CTX*CLM01:X1").segment("IK4*5:3*1325*7").segment("IK5*R*5").segment("AK9*R*1*1*0")
                .closeAll().text();

        AcknowledgementFile file = parser.parse((first + "\r\n" + second).getBytes());

        assertThat(file.functional()).extracting(FunctionalAcknowledgement::groupControlNumber,
                        FunctionalAcknowledgement::groupStatus, FunctionalAcknowledgement::sender,
                        FunctionalAcknowledgement::createdOn)
                .containsExactly(tuple("11", "A", "CLEARINGHOUSE", LocalDate.of(2026, 12, 1)),
                        tuple("12", "A", "CLEARINGHOUSE", LocalDate.of(2026, 12, 1)),
                        tuple("13", "R", "OTHERHOUSE", LocalDate.of(2026, 11, 30)),
                        tuple("14", "R", "CLEARINGHOUSE", LocalDate.of(2026, 12, 1)));
        TransactionSetAcknowledgement last = file.functional().get(3).transactionSets().get(0);
        assertThat(last.claimIds()).containsExactly("X1");
        assertThat(last.errors()).contains("segment CLM at 3, element CLM05-3 (data element 1325): invalid code value");
    }

    @Test
    @DisplayName("wrong SE, GE and IEA counts and control numbers are accepted: the content is readable")
    void acceptsWrongTrailers() throws MalformedX12Exception {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK5*A")
                .segment("AK9*A*1*1*1").endTransaction(99, "9999").endGroup(7, "777").endInterchange(3, "000000999")
                .text();

        assertThat(parser.parse(text.getBytes()).functional()).singleElement()
                .extracting(FunctionalAcknowledgement::groupStatus).isEqualTo("A");
    }

    @Test
    @DisplayName("a TA1 interchange acknowledgment before the group is skipped")
    void skipsATa1() throws MalformedX12Exception {
        String text = AckText.create().interchange("000000101").raw("TA1*000000050*261201*1200*A*000")
                .group999("501").transaction("999", "0001").segment("AK1*HC*1").segment("AK9*A*0*0*0")
                .closeAll().text();

        assertThat(parser.parse(text.getBytes()).functional()).hasSize(1);
    }

    @Test
    @DisplayName("an interchange holding only a TA1 is refused: no 999 or 277CA in it")
    void refusesAFileOfOnlyATa1() {
        String text = AckText.create().interchange("000000101").raw("TA1*000000050*261201*1200*R*022")
                .endInterchange().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 3 (IEA): the file holds no 999 or 277CA transaction set");
    }

    @Test
    void refusesAnAk2WithoutItsIk5() {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK3*CLM*9**8")
                .segment("AK2*837*0002").segment("IK5*A").segment("AK9*P*2*2*1").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 7 (AK2): the AK2 at segment 5 (transaction set 0001) has no IK5 (its status) before this AK2");
    }

    @Test
    void refusesAnAk2LeftOpenAtAk9() {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("AK9*A*1*1*1").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 6 (AK9): the AK2 at segment 5 (transaction set 0001) has no IK5 (its status) before this AK9");
    }

    @Test
    void refusesAnIk4BeforeAnyIk3() {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK4*2*782*1")
                .segment("IK5*R").segment("AK9*R*1*1*0").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 6 (IK4): IK4 before any IK3 (the segment whose element it reports on)");
    }

    @Test
    void refusesAnIk3OutsideAnAk2() {
        String text = one999().segment("AK1*HC*1").segment("IK3*CLM*9**8").segment("AK9*R*0*0*0").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 5 (IK3): IK3 outside an AK2 loop (no AK2 naming the transaction set it reports on)");
    }

    @Test
    void refusesASecondAk1() {
        String text = one999().segment("AK1*HC*1").segment("AK1*HC*2").segment("AK9*A*0*0*0").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 5 (AK1): second AK1 in 999 transaction set 0001: a 999 answers one functional group");
    }

    @Test
    void refusesAnAk2AfterAk9() {
        String text = one999().segment("AK1*HC*1").segment("AK9*A*0*0*0").segment("AK2*837*0001")
                .segment("IK5*A").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 6 (AK2): AK2 after AK9: the functional group's status closes the 999");
    }

    @Test
    void refusesA999WithoutAk9() {
        String text = one999().segment("AK1*HC*1").segment("AK2*837*0001").segment("IK5*A").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 7 (SE): 999 transaction set 0001 has no AK9 (the functional group's status)");
    }

    @Test
    void refusesA999WithoutAk1() {
        String text = one999().closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 4 (SE): 999 transaction set 0001 has no AK1 (the functional group it answers)");
    }

    @Test
    void refusesAGroupStatusOutsideTheCodeList() {
        String text = one999().segment("AK1*HC*1").segment("AK9*Y*0*0*0").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 5 (AK9): AK901 'Y' is not a functional group acknowledgment code (A, E, M, P, R, W or X)");
    }

    @Test
    void refusesAMissingControlNumber() {
        String text = one999().segment("AK1*HC").segment("AK9*A*0*0*0").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 4 (AK1): missing required element AK102");
    }

    @Test
    @DisplayName("a 997 is refused as what it is")
    void refusesA997() {
        String text = AckText.create().interchange("000000101").group("FA", "CH", "20261201", "1", "005010X231A1")
                .transaction("997", "0001").segment("AK1*HC*1").segment("AK9*A*0*0*0").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 3 (ST): a 997 functional acknowledgment, not a 999 implementation acknowledgment");
    }

    @Test
    void refusesAnFaGroupOfAnotherVersion() {
        String text = AckText.create().interchange("000000101").group("FA", "CH", "20261201", "1", "004010")
                .transaction("997", "0001").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 2 (GS): GS08 version '004010' is not a 999 "
                + "version this parser reads (005010X231A1, 005010X231)");
    }

    @Test
    void refusesAFileCutOffBeforeItsSe() {
        String text = one999().segment("AK1*HC*1").segment("AK9*A*0*0*0").text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage(
                "segment 5 (AK9): truncated file: it ends before SE (transaction set 0001 is not closed)");
    }

    @Test
    void refusesAnStBeforeTheSeClosingTheLastOne() {
        String text = one999().segment("AK1*HC*1").segment("AK9*A*0*0*0").segment("ST*999*0002").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 6 (ST): ST before the SE that closes transaction set 0001");
    }

    @Test
    @DisplayName("a 999 and a 277CA in one file: both read, kind 999+277CA")
    void readsA999And277caTogether() throws MalformedX12Exception {
        String text = AckText.create().interchange("000000101")
                .group999("1").transaction("999", "0001").segment("AK1*HC*1").segment("AK9*A*0*0*0")
                .endTransaction().endGroup()
                .group277("2").transaction("277", "0001").segment("BHT*0085*08*R1*20261202*1200*TH")
                .segment("HL*1**20*1").segment("NM1*PR*2*PAYER").segment("HL*2*1*21*1").segment("HL*3*2*19*1")
                .segment("HL*4*3*PT").segment("TRN*2*PCN1").segment("STC*A2:20*20261202*WQ*80")
                .closeAll().text();

        AcknowledgementFile file = parser.parse(text.getBytes());

        assertThat(file.kind()).isEqualTo("999+277CA");
        assertThat(file.functional()).hasSize(1);
        assertThat(file.claims()).extracting(c -> c.patientControlNumber()).isEqualTo(List.of("PCN1"));
    }
}

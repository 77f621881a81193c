package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.FunctionalAcknowledgement;
import org.overturn.claim.TransactionSetAcknowledgement;
import org.overturn.x12.MalformedX12Exception;

/** The real 999 files of samples/x12/real, with the facts SOURCES.md lists for each. */
class RealSample999Test {

    @Test
    @DisplayName("stupidedi X231A1 TR3 example: BOM, one line, 3 AK2, two rejected with CTX CLM01, AK9 P")
    void readsTheTr3ExampleAnsweringThree837s() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("stupidedi__x231a1-999-three-837s-bom.999");

        assertThat(file.kind()).isEqualTo("999");
        assertThat(file.claims()).isEmpty();
        assertThat(file.functional()).hasSize(1);
        FunctionalAcknowledgement ack = file.functional().get(0);
        assertThat(ack.groupControlNumber()).isEqualTo("17456");
        assertThat(ack.implementation()).isEqualTo("005010X222A2");
        assertThat(ack.groupStatus()).isEqualTo("P");
        assertThat(ack.createdOn()).isEqualTo(LocalDate.of(2008, 5, 3));
        assertThat(ack.sender()).isEqualTo("1234567890");
        assertThat(ack.transactionSets()).extracting(TransactionSetAcknowledgement::transactionType,
                        TransactionSetAcknowledgement::controlNumber, TransactionSetAcknowledgement::implementation,
                        TransactionSetAcknowledgement::status, TransactionSetAcknowledgement::accepted,
                        TransactionSetAcknowledgement::claimIds)
                .containsExactly(
                        tuple("837", "0001", null, "A", true, java.util.List.of()),
                        tuple("837", "0002", null, "R", false, java.util.List.of("123456789")),
                        tuple("837", "0003", null, "R", false, java.util.List.of("987654321")));
        assertThat(ack.transactionSets().get(0).errors()).isEmpty();
        assertThat(ack.transactionSets().get(1).errors()).containsExactly(
                "segment CLM at 22: segment has data element errors",
                "segment CLM at 22, element CLM02 (data element 782): required data element missing");
        assertThat(ack.transactionSets().get(2).errors()).containsExactly(
                "segment REF at 57: required segment missing"
                        + " (situational trigger: segment CLM at 43, CLM05-3)");
    }

    @Test
    @DisplayName("stupidedi fail/1: unpadded ISA, GS08 005010X231 (not A1), AK1 of a 4010 group: read")
    void readsTheUnpaddedX231Version() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("stupidedi__x231-fail-1-unpadded-isa.999");

        FunctionalAcknowledgement ack = file.functional().get(0);
        assertThat(ack.implementation()).isEqualTo("004010X098A1");
        assertThat(ack.groupControlNumber()).isEqualTo("17456");
        assertThat(ack.groupStatus()).isEqualTo("P");
        assertThat(ack.createdOn()).isEqualTo(LocalDate.of(2004, 11, 17));
        assertThat(ack.sender()).isEqualTo("RCVR");
        assertThat(ack.transactionSets()).extracting(TransactionSetAcknowledgement::status)
                .containsExactly("A", "R", "R");
        assertThat(ack.transactionSets()).flatExtracting(TransactionSetAcknowledgement::claimIds)
                .containsExactly("123456789", "987654321");
        // the trigger CTX has a sixth element (C023:1325): the line still names the trigger segment
        assertThat(ack.transactionSets().get(2).errors()).singleElement().asString()
                .startsWith("segment REF at 57: ").contains("situational trigger: segment CLM at 43, CLM05-3");
    }

    @Test
    @DisplayName("imsweb accepted 999: IEA02 000000001 differs from ISA13 000000286 and is accepted")
    void readsAnAccepted999WhoseIeaControlNumberIsWrong() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("imsweb__999-accepted-837i.999");

        assertThat(file.kind()).isEqualTo("999");
        FunctionalAcknowledgement ack = file.functional().get(0);
        assertThat(ack.groupControlNumber()).isEqualTo("17456");
        assertThat(ack.implementation()).isEqualTo("005010X223A2");
        assertThat(ack.groupStatus()).isEqualTo("A");
        assertThat(ack.createdOn()).isEqualTo(LocalDate.of(2020, 4, 15));
        assertThat(ack.sender()).isEqualTo("RCVR1");
        assertThat(ack.transactionSets()).singleElement().satisfies(set -> {
            assertThat(set.transactionType()).isEqualTo("837");
            assertThat(set.controlNumber()).isEqualTo("0001");
            assertThat(set.implementation()).isEqualTo("005010X223A2");
            assertThat(set.status()).isEqualTo("A");
            assertThat(set.accepted()).isTrue();
            assertThat(set.errors()).isEmpty();
            assertThat(set.claimIds()).isEmpty();
        });
    }

    @Test
    @DisplayName("imsweb eMedNY rejected 999: ISA16 '|', IK301 'NM' (not a segment id) with IK304 1, AK9 R")
    void readsTheEmednyRejection() throws MalformedX12Exception {
        AcknowledgementFile file = AckSamples.parse("imsweb__999-rejected-emedny-pipe-component.999");

        FunctionalAcknowledgement ack = file.functional().get(0);
        assertThat(ack.groupControlNumber()).isEqualTo("28");
        assertThat(ack.implementation()).isEqualTo("005010X223A2");
        assertThat(ack.groupStatus()).isEqualTo("R");
        assertThat(ack.createdOn()).isEqualTo(LocalDate.of(2011, 3, 11));
        assertThat(ack.sender()).isEqualTo("EMEDNY");
        assertThat(ack.transactionSets()).singleElement().satisfies(set -> {
            assertThat(set.controlNumber()).isEqualTo("0028");
            assertThat(set.implementation()).isNull();
            assertThat(set.status()).isEqualTo("R");
            assertThat(set.accepted()).isFalse();
            assertThat(set.errors()).containsExactly("segment NM at 17: unrecognized segment ID");
            assertThat(set.claimIds()).isEmpty();
        });
    }

    @Test
    @DisplayName("staedi invalid999: the IK5 before AK1 is refused where it stands")
    void refusesTheStaediInvalid999AtItsIk5BeforeAk1() {
        MalformedX12Exception e = AckSamples.rejection("staedi__invalid-999.999");

        assertThat(e.segmentNumber()).isEqualTo(4);
        assertThat(e.segmentId()).isEqualTo("IK5");
        assertThat(e).hasMessage("segment 4 (IK5): IK5 before AK1 (the functional group this 999 answers)");
    }

    @Test
    @DisplayName("staedi invalid999 without its leading IK5: refused at the next defect, the two IK5 in a row")
    void refusesTheStaediInvalid999AtItsSecondIk5() {
        String text = AckSamples.repaired("staedi__invalid-999.999", "IK5*A~\nAK1", "AK1");

        MalformedX12Exception first = AckSamples.rejectionOfText(text);
        // AK1 'HC   ' is read trimmed, AK2*837*0001*X*Y*Z's extra elements are skipped; IK5*Q is not a code
        assertThat(first).hasMessage("segment 6 (IK5): IK501 'Q' is not a transaction set acknowledgment code "
                + "(A, E, M, R, W or X)");

        MalformedX12Exception second = AckSamples.rejectionOfText(text.replace("IK5*Q", "IK5*E"));
        assertThat(second).hasMessage("segment 7 (IK5): second IK5 for the transaction set of the AK2 at segment 5");
    }

    @Test
    @DisplayName("staedi invalid999 with its IK5 defects removed: the rest (padded AK101, extra AK2 elements, CTX "
            + "repetitions, SE 16 for 18 segments) is read")
    void readsTheStaediInvalid999OnceItsIk5DefectsAreRemoved() throws MalformedX12Exception {
        String text = AckSamples.repaired("staedi__invalid-999.999", "IK5*A~\nAK1", "AK1").replace("IK5*Q~\n", "");

        FunctionalAcknowledgement ack = AckSamples.parseText(text).functional().get(0);

        assertThat(ack.groupControlNumber()).isEqualTo("17456");
        assertThat(ack.implementation()).isEqualTo("005010X222");
        assertThat(ack.groupStatus()).isEqualTo("P");
        assertThat(ack.transactionSets()).extracting(TransactionSetAcknowledgement::controlNumber,
                        TransactionSetAcknowledgement::implementation, TransactionSetAcknowledgement::status,
                        TransactionSetAcknowledgement::claimIds)
                .containsExactly(tuple("0001", "X", "A", java.util.List.of()),
                        tuple("0002", null, "R", java.util.List.of("123456789")),
                        tuple("0003", null, "R", java.util.List.of("987654321")));
        // CTX01 does not repeat: the repeated trigger is not recognised, and the IK3's line goes without it
        assertThat(ack.transactionSets().get(2).errors())
                .containsExactly("segment REF at 57: required segment missing");
    }
}

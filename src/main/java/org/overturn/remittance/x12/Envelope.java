package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import java.util.ArrayList;
import java.util.List;

import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;

/**
 * The ISA/GS/ST nesting of a file: checks that every envelope opens and closes in order, that groups hold
 * health care claim payments (GS01 HP, ST01 835) of a version this parser reads, reports the control count
 * and control number mismatches StAEDI found, and hands each transaction's segments to a
 * {@link TransactionAssembler}.
 */
final class Envelope {

    private final List<RemittanceAdvice> transactions = new ArrayList<>();

    private boolean inInterchange;
    private boolean inGroup;
    private TransactionAssembler transaction;

    private String interchangeControlNumber;
    private String groupControlNumber;
    private String version;
    private String transactionControlNumber;
    private int groupsInInterchange;
    private int transactionsInGroup;
    private int segmentsInTransaction;

    void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "ISA" -> startInterchange(segment);
            case "GS" -> startGroup(segment);
            case "ST" -> startTransaction(segment);
            case "SE" -> endTransaction(segment);
            case "GE" -> endGroup(segment);
            case "IEA" -> endInterchange(segment);
            default -> body(segment);
        }
    }

    /**
     * The transactions read, once the input has ended.
     *
     * @param lastNumber number of the last segment read (complete or not), for a truncated file
     * @param lastTag    its id
     */
    List<RemittanceAdvice> finish(int lastNumber, String lastTag) throws MalformedX12Exception {
        String missing = transaction != null ? "SE (transaction set " + transactionControlNumber + " is not closed)"
                : inGroup ? "GE (functional group " + groupControlNumber + " is not closed)"
                : inInterchange ? "IEA (interchange " + interchangeControlNumber + " is not closed)"
                : null;
        if (missing != null) {
            throw new MalformedX12Exception(lastNumber, lastTag, "truncated file: it ends before " + missing);
        }
        return transactions;
    }

    private void startInterchange(Segment isa) throws MalformedX12Exception {
        if (inInterchange) {
            throw isa.error("ISA before the IEA that closes interchange " + interchangeControlNumber);
        }
        inInterchange = true;
        interchangeControlNumber = isa.requiredText(13);
        groupsInInterchange = 0;
    }

    private void startGroup(Segment gs) throws MalformedX12Exception {
        if (!inInterchange) {
            throw gs.error("GS outside an interchange (no ISA before it)");
        }
        if (inGroup) {
            throw gs.error("GS before the GE that closes functional group " + groupControlNumber);
        }
        String functionalId = gs.requiredText(1);
        if (!"HP".equals(functionalId)) {
            throw gs.error("functional group GS01 '" + functionalId
                    + "' is not HP (health care claim payment/advice)");
        }
        groupControlNumber = gs.requiredText(6, 9);
        version = ImplementationVersion.check(gs);
        inGroup = true;
        groupsInInterchange++;
        transactionsInGroup = 0;
    }

    private void startTransaction(Segment st) throws MalformedX12Exception {
        if (!inGroup) {
            throw st.error("ST outside a functional group (no GS before it)");
        }
        if (transaction != null) {
            throw st.error("ST before the SE that closes transaction set " + transactionControlNumber);
        }
        String type = st.requiredText(1);
        if (!"835".equals(type)) {
            throw st.error("transaction set ST01 '" + type + "' is not an 835 (health care claim payment/advice)");
        }
        transactionControlNumber = st.requiredText(2, 9);
        transaction = new TransactionAssembler(interchangeControlNumber, groupControlNumber, version,
                transactionControlNumber);
        transactionsInGroup++;
        segmentsInTransaction = 1;
    }

    private void body(Segment segment) throws MalformedX12Exception {
        if (transaction == null) {
            throw segment.error(segment.tag() + " outside any transaction (no open ST..SE)");
        }
        segmentsInTransaction++;
        transaction.accept(segment);
    }

    private void endTransaction(Segment se) throws MalformedX12Exception {
        if (transaction == null) {
            throw se.error("SE without an ST");
        }
        segmentsInTransaction++;
        String count = se.requiredText(1);
        String controlNumber = se.requiredText(2);
        checkControl(se, "segment count", count, segmentsInTransaction,
                "segments in transaction set " + transactionControlNumber, controlNumber, "ST02",
                transactionControlNumber);
        transactions.add(transaction.finish(se));
        transaction = null;
    }

    private void endGroup(Segment ge) throws MalformedX12Exception {
        if (transaction != null) {
            throw ge.error("GE before the SE that closes transaction set " + transactionControlNumber);
        }
        if (!inGroup) {
            throw ge.error("GE without a GS");
        }
        String count = ge.requiredText(1);
        String controlNumber = ge.requiredText(2);
        checkControl(ge, "transaction set count", count, transactionsInGroup,
                "transaction sets in functional group " + groupControlNumber, controlNumber, "GS06",
                groupControlNumber);
        inGroup = false;
    }

    private void endInterchange(Segment iea) throws MalformedX12Exception {
        if (inGroup) {
            throw iea.error("IEA before the GE that closes functional group " + groupControlNumber);
        }
        if (!inInterchange) {
            throw iea.error("IEA without an ISA");
        }
        String count = iea.requiredText(1);
        String controlNumber = iea.requiredText(2);
        checkControl(iea, "functional group count", count, groupsInInterchange,
                "functional groups in interchange " + interchangeControlNumber, controlNumber, "ISA13",
                interchangeControlNumber);
        inInterchange = false;
    }

    /**
     * Reports a trailer whose count or control number disagrees with what it closes: as StAEDI's control
     * validation found, and as checked here too, since StAEDI lets a count that is not a number pass. Control
     * numbers must be identical, as X12 and StAEDI both say (GE02 01 does not close GS06 1).
     */
    private static void checkControl(Segment trailer, String what, String count, int actual, String actualText,
                                     String controlNumber, String headerElement, String headerControlNumber)
            throws MalformedX12Exception {
        if (trailer.controlError() == Segment.ControlError.COUNT_MISMATCH || !isCount(count, actual)) {
            throw trailer.error(what + " mismatch: " + trailer.name(1) + " says " + count + " but there are "
                    + actual + " " + actualText);
        }
        if (trailer.controlError() == Segment.ControlError.REFERENCE_MISMATCH
                || !controlNumber.equals(headerControlNumber)) {
            throw trailer.error("control number mismatch: " + trailer.name(2) + " '" + controlNumber
                    + "' does not match " + headerElement + " '" + headerControlNumber + "'");
        }
    }

    private static boolean isCount(String text, int actual) {
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || value > actual) {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value == actual;
    }
}

package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import java.util.ArrayList;
import java.util.List;

import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.UnreadableTransaction;

/**
 * The ISA/GS/ST nesting of a file: checks that every envelope opens and closes in order, that groups hold
 * health care claim payments (GS01 HP, ST01 835) of a version this parser reads, and hands each transaction's
 * segments to a {@link TransactionAssembler}.
 *
 * <p>A trailer whose count or control number disagrees with what it closes (SE01/SE02, GE01/GE02, IEA01/IEA02), as
 * StAEDI's control validation or the check here finds, is a warning on the payments it closes, not a refusal: real
 * payers send such files, and every segment of the payments in them is still there, in order (as the 837 reader
 * tolerates them too). An envelope out of order or missing (a truncated file) is still refused: then a payment may
 * have lost its end.
 *
 * <p>A content error inside one transaction set (a claim missing its amounts) leaves that payment out: it is
 * recorded as unreadable and its remaining segments are skipped to its SE, so that the file's other payments are
 * still read. A file none of whose transaction sets reads is refused with the first such error, as before.
 */
final class Envelope {

    /** A value quoted in a warning: a runaway one (a whole file in one element) is cut short. */
    private static final int MAX_QUOTED = 40;

    /** A transaction set read, and the warnings of the trailers that close it (GE and IEA ones come later). */
    private record Read(TransactionAssembler transaction, List<String> warnings) {
    }

    private final List<Read> read = new ArrayList<>();
    private final List<UnreadableTransaction> unreadable = new ArrayList<>();
    private MalformedX12Exception firstError;

    private boolean inInterchange;
    private boolean inGroup;
    private TransactionAssembler transaction;
    /** The content error of the open transaction set, if it had one: the rest of it is skipped to its SE. */
    private MalformedX12Exception transactionError;

    private String interchangeControlNumber;
    private String groupControlNumber;
    private String version;
    private String transactionControlNumber;
    private int groupsInInterchange;
    private int transactionsInGroup;
    private int segmentsInTransaction;
    private int transactionStart;
    /** Index in {@link #read} of the first transaction set of the open interchange, and of the open group. */
    private int interchangeFirstRead;
    private int groupFirstRead;

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
     * The transaction sets read, and those that could not be, once the input has ended.
     *
     * @param lastNumber number of the last segment read (complete or not), for a truncated file
     * @param lastTag    its id
     * @throws MalformedX12Exception when the file is truncated, or holds transaction sets of which none reads
     */
    RemittanceFile finish(int lastNumber, String lastTag) throws MalformedX12Exception {
        String missing = transaction != null ? "SE (transaction set " + transactionControlNumber + " is not closed)"
                : inGroup ? "GE (functional group " + groupControlNumber + " is not closed)"
                : inInterchange ? "IEA (interchange " + interchangeControlNumber + " is not closed)"
                : null;
        if (missing != null) {
            throw new MalformedX12Exception(lastNumber, lastTag, "truncated file: it ends before " + missing);
        }
        if (read.isEmpty() && firstError != null) {
            // nothing to store: refused as a whole, with its first error, as a file of one transaction set always was
            throw firstError;
        }
        return new RemittanceFile(read.stream().map(r -> r.transaction().build(r.warnings())).toList(), unreadable);
    }

    /**
     * What refuses the file when {@code error} (truncation, an envelope out of order, bytes that are not X12) stops
     * the reading: the first error in the file, as before transaction sets were left out one by one, so that a
     * refused file names the same segment as ever.
     */
    MalformedX12Exception refusal(MalformedX12Exception error) {
        return firstError != null ? firstError : transactionError != null ? transactionError : error;
    }

    private void startInterchange(Segment isa) throws MalformedX12Exception {
        if (inInterchange) {
            throw isa.error("ISA before the IEA that closes interchange " + interchangeControlNumber);
        }
        inInterchange = true;
        interchangeControlNumber = isa.requiredText(13);
        groupsInInterchange = 0;
        interchangeFirstRead = read.size();
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
        groupFirstRead = read.size();
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
        transactionStart = st.number();
        transactionError = null;
    }

    private void body(Segment segment) throws MalformedX12Exception {
        if (transaction == null) {
            throw segment.error(segment.tag() + " outside any transaction (no open ST..SE)");
        }
        segmentsInTransaction++;
        if (transactionError != null) {
            return;
        }
        try {
            transaction.accept(segment);
        } catch (MalformedX12Exception e) {
            transactionError = e;
        }
    }

    private void endTransaction(Segment se) throws MalformedX12Exception {
        if (transaction == null) {
            throw se.error("SE without an ST");
        }
        segmentsInTransaction++;
        List<String> warnings = new ArrayList<>(0);
        checkCount(warnings, se, segmentsInTransaction,
                "transaction set " + transactionControlNumber + " has " + plural(segmentsInTransaction, "segment"));
        checkControlNumber(warnings, se, "ST02", transactionControlNumber);
        if (transactionError == null) {
            try {
                transaction.finish(se);
            } catch (MalformedX12Exception e) {
                transactionError = e;
            }
        }
        if (transactionError == null) {
            read.add(new Read(transaction, warnings));
        } else {
            unreadable.add(new UnreadableTransaction(transactionControlNumber, transactionStart, se.number(),
                    transactionError.segmentNumber(), transactionError.segmentId(), transactionError.getMessage()));
            if (firstError == null) {
                firstError = transactionError;
            }
        }
        transaction = null;
        transactionError = null;
    }

    private void endGroup(Segment ge) throws MalformedX12Exception {
        if (transaction != null) {
            throw ge.error("GE before the SE that closes transaction set " + transactionControlNumber);
        }
        if (!inGroup) {
            throw ge.error("GE without a GS");
        }
        List<String> warnings = new ArrayList<>(0);
        checkCount(warnings, ge, transactionsInGroup,
                "functional group " + groupControlNumber + " has " + plural(transactionsInGroup, "transaction set"));
        checkControlNumber(warnings, ge, "GS06", groupControlNumber);
        warnReadSince(groupFirstRead, warnings);
        inGroup = false;
    }

    private void endInterchange(Segment iea) throws MalformedX12Exception {
        if (inGroup) {
            throw iea.error("IEA before the GE that closes functional group " + groupControlNumber);
        }
        if (!inInterchange) {
            throw iea.error("IEA without an ISA");
        }
        List<String> warnings = new ArrayList<>(0);
        checkCount(warnings, iea, groupsInInterchange, "interchange " + interchangeControlNumber + " has "
                + plural(groupsInInterchange, "functional group"));
        checkControlNumber(warnings, iea, "ISA13", interchangeControlNumber);
        warnReadSince(interchangeFirstRead, warnings);
        inInterchange = false;
    }

    /** A group's or interchange's trailer warnings go to every transaction set read in it. */
    private void warnReadSince(int first, List<String> warnings) {
        if (!warnings.isEmpty()) {
            for (int i = first; i < read.size(); i++) {
                read.get(i).warnings().addAll(warnings);
            }
        }
    }

    /**
     * A trailer's count (element 1) that disagrees with what it closes, as StAEDI's control validation found, and
     * as checked here too, since StAEDI lets a count that is not a number pass.
     */
    private static void checkCount(List<String> warnings, Segment trailer, int actual, String actualText) {
        String count = trailer.text(1);
        if (count == null) {
            warnings.add(trailer.name(1) + " is missing; " + actualText);
        } else if (trailer.controlError() == Segment.ControlError.COUNT_MISMATCH || !isCount(count, actual)) {
            warnings.add(trailer.name(1) + " says " + quoted(count) + " but " + actualText);
        }
    }

    /** Control numbers must be identical, as X12 and StAEDI both say (GE02 01 does not close GS06 1). */
    private static void checkControlNumber(List<String> warnings, Segment trailer, String headerElement,
                                           String headerControlNumber) {
        String controlNumber = trailer.text(2);
        if (controlNumber == null) {
            warnings.add(trailer.name(2) + " is missing; " + headerElement + " is '" + headerControlNumber + "'");
        } else if (trailer.controlError() == Segment.ControlError.REFERENCE_MISMATCH
                || !controlNumber.equals(headerControlNumber)) {
            warnings.add(trailer.name(2) + " '" + quoted(controlNumber) + "' does not match " + headerElement + " '"
                    + headerControlNumber + "'");
        }
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String quoted(String value) {
        return value.length() <= MAX_QUOTED ? value
                : value.substring(0, MAX_QUOTED) + "... (" + value.length() + " characters)";
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

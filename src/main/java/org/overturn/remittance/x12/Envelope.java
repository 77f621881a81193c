package org.overturn.remittance.x12;

import java.util.ArrayList;
import java.util.List;

import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.UnreadableTransaction;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Envelope;

/**
 * What the 835 makes of the shared {@link X12Envelope}: groups must hold health care claim payments (GS01 HP, ST01
 * 835) of a version this parser reads, and each transaction's segments go to a {@link TransactionAssembler}.
 *
 * <p>A trailer whose count or control number disagrees with what it closes (SE01/SE02, GE01/GE02, IEA01/IEA02) is a
 * warning on the payments it closes, not a refusal: real payers send such files, and every segment of the payments
 * in them is still there, in order (as the 837 reader tolerates them too). An envelope out of order or missing (a
 * truncated file) is still refused: then a payment may have lost its end.
 *
 * <p>A content error inside one transaction set (a claim missing its amounts) leaves that payment out: it is
 * recorded as unreadable and its remaining segments are skipped to its SE, so that the file's other payments are
 * still read. A file none of whose transaction sets reads is refused with the first such error, as before.
 */
final class Envelope implements X12Envelope.Kind<TransactionAssembler> {

    /** A transaction set read, and the warnings of the trailers that close it (GE and IEA ones come later). */
    private record Read(TransactionAssembler transaction, List<String> warnings) {
    }

    private final List<Read> read = new ArrayList<>();
    private final List<UnreadableTransaction> unreadable = new ArrayList<>();
    private MalformedX12Exception firstError;

    private String interchangeControlNumber;
    private String groupControlNumber;
    private String version;
    /** Index in {@link #read} of the first transaction set of the open interchange, and of the open group. */
    private int interchangeFirstRead;
    private int groupFirstRead;

    /** The transaction sets read, and those that could not be, once the file has {@linkplain #end ended}. */
    RemittanceFile file() {
        return new RemittanceFile(read.stream().map(r -> r.transaction().build(r.warnings())).toList(), unreadable);
    }

    /** Refuses a file that holds transaction sets of which none reads. */
    @Override
    public void end(int lastNumber, String lastTag) throws MalformedX12Exception {
        if (read.isEmpty() && firstError != null) {
            // nothing to store: refused as a whole, with its first error, as a file of one transaction set always was
            throw firstError;
        }
    }

    @Override
    public void openInterchange(Segment isa, String controlNumber) {
        interchangeControlNumber = controlNumber;
        interchangeFirstRead = read.size();
    }

    @Override
    public void checkGroup(Segment gs) throws MalformedX12Exception {
        String functionalId = gs.requiredText(1);
        if (!"HP".equals(functionalId)) {
            throw gs.error("functional group GS01 '" + functionalId
                    + "' is not HP (health care claim payment/advice)");
        }
    }

    @Override
    public void openGroup(Segment gs, String controlNumber) throws MalformedX12Exception {
        groupControlNumber = controlNumber;
        version = ImplementationVersion.check(gs);
        groupFirstRead = read.size();
    }

    @Override
    public void checkTransaction(Segment st) throws MalformedX12Exception {
        X12Envelope.requireTransactionSet(st, "835", "an 835 (health care claim payment/advice)");
    }

    @Override
    public TransactionAssembler openTransaction(Segment st, String controlNumber) {
        return new TransactionAssembler(interchangeControlNumber, groupControlNumber, version, controlNumber);
    }

    @Override
    public void closeTransaction(TransactionAssembler transaction, Segment se, List<String> warnings)
            throws MalformedX12Exception {
        transaction.finish(se);
        read.add(new Read(transaction, new ArrayList<>(warnings)));
    }

    @Override
    public boolean setsAsideUnreadable() {
        return true;
    }

    @Override
    public void unreadable(String controlNumber, int firstSegment, int lastSegment, MalformedX12Exception error) {
        unreadable.add(new UnreadableTransaction(controlNumber, firstSegment, lastSegment, error.segmentNumber(),
                error.segmentId(), error.getMessage()));
        if (firstError == null) {
            firstError = error;
        }
    }

    @Override
    public void closeGroup(List<String> warnings) {
        warnReadSince(groupFirstRead, warnings);
    }

    @Override
    public void closeInterchange(List<String> warnings) {
        warnReadSince(interchangeFirstRead, warnings);
    }

    /** A group's or interchange's trailer warnings go to every transaction set read in it. */
    private void warnReadSince(int first, List<String> warnings) {
        if (!warnings.isEmpty()) {
            for (int i = first; i < read.size(); i++) {
                read.get(i).warnings().addAll(warnings);
            }
        }
    }
}

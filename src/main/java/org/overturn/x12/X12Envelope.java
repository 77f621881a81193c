package org.overturn.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ISA/GS/ST nesting of a file, the same for every transaction the product reads: every envelope must open and
 * close in order, each transaction set's body segments go to the reader its {@link Kind} opened for it, and a file
 * that ends with an envelope still open is refused as truncated. What a group or transaction set must be (GS01,
 * GS08, ST01), what is read from the headers and what becomes of a transaction set once its SE has come is the
 * kind's business.
 *
 * <p>A trailer whose count or control number disagrees with what it closes (SE01/SE02, GE01/GE02, IEA01/IEA02), as
 * checked here, is not a refusal: real senders write such files, and every
 * segment of what they close is still there, in order. It is handed to the kind as a warning, to keep or drop. An
 * envelope out of order or missing (a truncated file) is refused: then a transaction set may have lost its end.
 *
 * <p>A kind that {@linkplain Kind#setsAsideUnreadable() sets aside unreadable transaction sets} has a content error
 * inside one ST..SE (thrown by its reader, or when it closes the set) leave only that set out: the rest of it is
 * skipped to its SE, the kind is told it is {@linkplain Kind#unreadable unreadable}, and the file's other sets are
 * still read. Otherwise such an error refuses the file as it is thrown.
 *
 * <p>The envelope is the {@link X12Segments.Handler} of the reading: every segment of the file goes through
 * {@link #accept}, and a body segment goes straight on to the open transaction set's reader, with nothing allocated.
 * {@link #read(byte[], Supplier)} reads a file held in memory and answers the kind that read it.
 *
 * @param <T> what reads one transaction set's body
 */
public final class X12Envelope<T extends X12Envelope.TransactionReader> implements X12Segments.Handler {

    /** What reads the body segments of one transaction set, between its ST and its SE. */
    public interface TransactionReader {

        void accept(Segment segment) throws MalformedX12Exception;
    }

    /**
     * What one kind of transaction (835, 837, 999 and 277CA) makes of the envelope: which groups and transaction
     * sets it reads, a reader for each transaction set, what it keeps once the set is closed. A header is checked
     * by the kind in two steps, before and after its control number is read, so that of several errors in one
     * header the kind's own order decides which one refuses the file.
     */
    public interface Kind<T extends TransactionReader> {

        /** An ISA has opened an interchange whose ISA13 is {@code controlNumber}. */
        default void openInterchange(Segment isa, String controlNumber) throws MalformedX12Exception {
        }

        /**
         * A GS has come inside an interchange, outside any group: refuses (with {@link Segment#error}) a group of
         * another kind, with a reason naming what it holds. Called before GS06 is read.
         */
        void checkGroup(Segment gs) throws MalformedX12Exception;

        /** The group {@link #checkGroup} accepted is open, its GS06 being {@code controlNumber}. */
        default void openGroup(Segment gs, String controlNumber) throws MalformedX12Exception {
        }

        /**
         * An ST has come inside a group, outside any transaction set: refuses a transaction set the kind does not
         * read. Called before ST02 is read.
         */
        void checkTransaction(Segment st) throws MalformedX12Exception;

        /** The reader of the transaction set {@link #checkTransaction} accepted; its ST02 is {@code controlNumber}. */
        T openTransaction(Segment st, String controlNumber) throws MalformedX12Exception;

        /**
         * The transaction set's SE has come: checks that nothing required is missing and keeps what was read.
         *
         * @param warnings the SE's count and control number mismatches, none mostly; not to be changed
         */
        void closeTransaction(T transaction, Segment se, List<String> warnings) throws MalformedX12Exception;

        /** The GE has closed the group; {@code warnings} are its mismatches, as for {@link #closeTransaction}. */
        default void closeGroup(List<String> warnings) {
        }

        /** The IEA has closed the interchange; {@code warnings} are its mismatches. */
        default void closeInterchange(List<String> warnings) {
        }

        /**
         * The file has ended with every envelope closed: what the kind refuses of a whole file (none of its
         * transaction sets read, say) is refused here.
         *
         * @param lastNumber number of the last segment
         * @param lastTag    its id
         */
        default void end(int lastNumber, String lastTag) throws MalformedX12Exception {
        }

        /**
         * A segment outside any ST..SE: refused by default.
         *
         * @param betweenGroups whether it stands inside an interchange, outside any functional group
         */
        default void outsideTransaction(Segment segment, boolean betweenGroups) throws MalformedX12Exception {
            throw segment.error(segment.tag() + " outside any transaction (no open ST..SE)");
        }

        /**
         * Whether a content error inside one transaction set leaves only that set out ({@link #unreadable}) rather
         * than refusing the file. Asked once, when the envelope is made.
         */
        default boolean setsAsideUnreadable() {
            return false;
        }

        /**
         * A transaction set left out for {@code error}, once its SE has come (only when {@link #setsAsideUnreadable}).
         *
         * @param firstSegment number of its ST
         * @param lastSegment  number of its SE
         */
        default void unreadable(String controlNumber, int firstSegment, int lastSegment,
                                MalformedX12Exception error) {
        }

        /**
         * Whether an ISA or IEA that comes while envelopes are still open is refused naming the innermost one not
         * closed ({@code truncated interchange N: a new ISA comes before its SE (...)}, {@code IEA before the SE
         * that closes transaction set N}), as a file cut short and joined to the next is best explained, rather
         * than the interchange the ISA would nest in or the group the IEA would close.
         */
        default boolean namesInnermostOpenEnvelope() {
            return false;
        }
    }

    /** A value quoted in a warning: a runaway one (a whole file in one element) is cut short. */
    private static final int MAX_QUOTED = 40;

    private final Kind<T> kind;
    private final boolean setsAsideUnreadable;
    private final boolean namesInnermostOpenEnvelope;

    private boolean inInterchange;
    private boolean inGroup;
    private T transaction;
    /** The content error of the open transaction set, if it had one: the rest of it is skipped to its SE. */
    private MalformedX12Exception transactionError;
    /** The error of the first transaction set left out. */
    private MalformedX12Exception firstError;

    private String interchangeControlNumber;
    private String groupControlNumber;
    private String transactionControlNumber;
    private int groupsInInterchange;
    private int transactionsInGroup;
    private int segmentsInTransaction;
    private int transactionStart;

    public X12Envelope(Kind<T> kind) {
        this.kind = kind;
        this.setsAsideUnreadable = kind.setsAsideUnreadable();
        this.namesInnermostOpenEnvelope = kind.namesInnermostOpenEnvelope();
    }

    /**
     * Reads a whole file held in memory, as {@link X12Segments#read(byte[], Supplier)} does (a second time when its
     * bytes are Windows-1252), with a new kind each time.
     *
     * @return the kind that read the file
     */
    public static <T extends TransactionReader, K extends Kind<T>> K read(byte[] content, Supplier<K> kinds)
            throws MalformedX12Exception {
        List<K> made = new ArrayList<>(2);
        X12Segments.read(content, () -> {
            K kind = kinds.get();
            made.add(kind);
            return new X12Envelope<>(kind);
        });
        return made.get(made.size() - 1);
    }

    /**
     * Refuses an ST whose ST01 is not {@code type}, for a kind that reads one transaction set:
     * {@code transaction set ST01 '837' is not an 835 (health care claim payment/advice)}.
     *
     * @param name what {@code type} is, with its article: {@code an 835 (health care claim payment/advice)}
     */
    public static void requireTransactionSet(Segment st, String type, String name) throws MalformedX12Exception {
        String actual = st.requiredText(1);
        if (!type.equals(actual)) {
            throw st.error("transaction set ST01 '" + actual + "' is not " + name);
        }
    }

    /** The file's next segment. */
    @Override
    public void accept(Segment segment) throws MalformedX12Exception {
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
     * The input has ended: refuses a truncated file, one that ends inside an envelope; then the kind has its say.
     *
     * @param lastNumber number of the last segment read (complete or not), for a truncated file
     * @param lastTag    its id
     */
    @Override
    public void end(int lastNumber, String lastTag) throws MalformedX12Exception {
        String missing = openTrailer();
        if (missing != null) {
            throw new MalformedX12Exception(lastNumber, lastTag, "truncated file: it ends before " + missing);
        }
        kind.end(lastNumber, lastTag);
    }

    /**
     * What refuses the file when {@code error} (truncation, an envelope out of order, bytes that are not X12) stops
     * the reading of a kind that sets aside unreadable transaction sets: the first error in the file, that of a set
     * left out or of the open one, so that a refused file names the same segment as if nothing were set aside.
     */
    public MalformedX12Exception refusal(MalformedX12Exception error) {
        return firstError != null ? firstError : transactionError != null ? transactionError : error;
    }

    /** The innermost trailer still owed, or null when every envelope is closed. */
    private String openTrailer() {
        return transaction != null ? "SE (transaction set " + transactionControlNumber + " is not closed)"
                : inGroup ? "GE (functional group " + groupControlNumber + " is not closed)"
                : inInterchange ? "IEA (interchange " + interchangeControlNumber + " is not closed)"
                : null;
    }

    private void startInterchange(Segment isa) throws MalformedX12Exception {
        if (inInterchange) {
            if (namesInnermostOpenEnvelope) {
                throw isa.error("truncated interchange " + interchangeControlNumber + ": a new ISA comes before its "
                        + openTrailer());
            }
            throw isa.error("ISA before the IEA that closes interchange " + interchangeControlNumber);
        }
        inInterchange = true;
        interchangeControlNumber = isa.requiredText(13);
        groupsInInterchange = 0;
        kind.openInterchange(isa, interchangeControlNumber);
    }

    private void startGroup(Segment gs) throws MalformedX12Exception {
        if (!inInterchange) {
            throw gs.error("GS outside an interchange (no ISA before it)");
        }
        if (inGroup) {
            throw gs.error("GS before the GE that closes functional group " + groupControlNumber);
        }
        kind.checkGroup(gs);
        groupControlNumber = gs.requiredText(6, 9);
        kind.openGroup(gs, groupControlNumber);
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
        kind.checkTransaction(st);
        transactionControlNumber = st.requiredText(2, 9);
        transaction = kind.openTransaction(st, transactionControlNumber);
        transactionsInGroup++;
        segmentsInTransaction = 1;
        transactionStart = st.number();
        transactionError = null;
    }

    private void body(Segment segment) throws MalformedX12Exception {
        if (transaction == null) {
            kind.outsideTransaction(segment, inInterchange && !inGroup);
            return;
        }
        segmentsInTransaction++;
        if (transactionError != null) {
            return;
        }
        try {
            transaction.accept(segment);
        } catch (MalformedX12Exception e) {
            setAside(e);
        }
    }

    /** A content error in the open transaction set: the rest of it is skipped, or the file refused. */
    private void setAside(MalformedX12Exception error) throws MalformedX12Exception {
        if (!setsAsideUnreadable) {
            throw error;
        }
        transactionError = error;
    }

    private void endTransaction(Segment se) throws MalformedX12Exception {
        if (transaction == null) {
            throw se.error("SE without an ST");
        }
        segmentsInTransaction++;
        List<String> warnings = checkCount(null, se, segmentsInTransaction, "transaction set", transactionControlNumber,
                "segment");
        warnings = checkControlNumber(warnings, se, "ST02", transactionControlNumber);
        if (transactionError == null) {
            try {
                kind.closeTransaction(transaction, se, orNone(warnings));
            } catch (MalformedX12Exception e) {
                setAside(e);
            }
        }
        if (transactionError != null) {
            kind.unreadable(transactionControlNumber, transactionStart, se.number(), transactionError);
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
        List<String> warnings = checkCount(null, ge, transactionsInGroup, "functional group", groupControlNumber,
                "transaction set");
        warnings = checkControlNumber(warnings, ge, "GS06", groupControlNumber);
        inGroup = false;
        kind.closeGroup(orNone(warnings));
    }

    private void endInterchange(Segment iea) throws MalformedX12Exception {
        if (namesInnermostOpenEnvelope && transaction != null) {
            throw iea.error("IEA before the SE that closes transaction set " + transactionControlNumber);
        }
        if (inGroup) {
            throw iea.error("IEA before the GE that closes functional group " + groupControlNumber);
        }
        if (!inInterchange) {
            throw iea.error("IEA without an ISA");
        }
        List<String> warnings = checkCount(null, iea, groupsInInterchange, "interchange", interchangeControlNumber,
                "functional group");
        warnings = checkControlNumber(warnings, iea, "ISA13", interchangeControlNumber);
        inInterchange = false;
        kind.closeInterchange(orNone(warnings));
    }

    private static List<String> orNone(List<String> warnings) {
        return warnings == null ? List.of() : warnings;
    }

    /** {@code warnings} with {@code warning} added, made when it is the first. */
    private static List<String> add(List<String> warnings, String warning) {
        List<String> list = warnings == null ? new ArrayList<>(2) : warnings;
        list.add(warning);
        return list;
    }

    /**
     * A trailer's count (element 1) that disagrees with what it closes, a count that is not a number included.
     *
     * @param closed        what the trailer closes: {@code transaction set}, {@code functional group}, ...
     * @param controlNumber its control number
     * @param counted       what the count counts: {@code segment}, ...
     */
    private static List<String> checkCount(List<String> warnings, Segment trailer, int actual, String closed,
                                           String controlNumber, String counted) {
        String count = trailer.text(1);
        if (count == null) {
            return add(warnings, trailer.name(1) + " is missing; " + has(closed, controlNumber, actual, counted));
        }
        if (!isCount(count, actual)) {
            return add(warnings, trailer.name(1) + " says " + quoted(count) + " but "
                    + has(closed, controlNumber, actual, counted));
        }
        return warnings;
    }

    /** {@code transaction set 0001 has 12 segments}. */
    private static String has(String closed, String controlNumber, int count, String counted) {
        return closed + " " + controlNumber + " has " + count + " " + counted + (count == 1 ? "" : "s");
    }

    /** Control numbers must be identical, as X12 says (GE02 01 does not close GS06 1). */
    private static List<String> checkControlNumber(List<String> warnings, Segment trailer, String headerElement,
                                                   String headerControlNumber) {
        String controlNumber = trailer.text(2);
        if (controlNumber == null) {
            return add(warnings,
                    trailer.name(2) + " is missing; " + headerElement + " is '" + headerControlNumber + "'");
        }
        if (!controlNumber.equals(headerControlNumber)) {
            return add(warnings, trailer.name(2) + " '" + quoted(controlNumber) + "' does not match " + headerElement
                    + " '" + headerControlNumber + "'");
        }
        return warnings;
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

package org.overturn.remittance;

/**
 * A transaction set (ST..SE) of a file that could not be read while the file's other ones could: its payment is left
 * out, and the file is kept in quarantine for it.
 *
 * @param controlNumber ST02
 * @param firstSegment  number of its ST, counting from 1 at the file's first ISA
 * @param lastSegment   number of its SE
 * @param segmentNumber number of the segment at fault
 * @param segmentId     its id, as read (null when none)
 * @param error         what is wrong, as {@code segment N (ID): reason}
 */
public record UnreadableTransaction(String controlNumber, int firstSegment, int lastSegment, int segmentNumber,
                                    String segmentId, String error) {

    /** {@code transaction set 0003 (segments 120-245): segment 130 (CLP): missing required element CLP03}. */
    public String describe() {
        return "transaction set " + controlNumber + " (segments " + firstSegment + "-" + lastSegment + "): " + error;
    }
}

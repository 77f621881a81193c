package org.overturn.remittance;

/**
 * A file that is not a usable 835. The message always names where reading stopped and why, as
 * {@code segment N (ID): reason}; segment numbers count from 1 at the first segment of the file (ISA).
 */
public class MalformedRemittanceException extends Exception {

    private final int segmentNumber;
    private final String segmentId;
    private final String reason;

    public MalformedRemittanceException(int segmentNumber, String segmentId, String reason) {
        this(segmentNumber, segmentId, reason, null);
    }

    public MalformedRemittanceException(int segmentNumber, String segmentId, String reason, Throwable cause) {
        super("segment " + segmentNumber + " (" + (segmentId == null ? "?" : segmentId) + "): " + reason, cause);
        this.segmentNumber = segmentNumber;
        this.segmentId = segmentId;
        this.reason = reason;
    }

    public int segmentNumber() {
        return segmentNumber;
    }

    public String segmentId() {
        return segmentId;
    }

    public String reason() {
        return reason;
    }
}

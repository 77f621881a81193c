package org.overturn.x12;

/**
 * A file that is not usable X12 of the kind expected. The message always names where reading stopped and why, as
 * {@code segment N (ID): reason}; segment numbers count from 1 at the first segment of the file (ISA).
 */
public class MalformedX12Exception extends Exception {

    /** The reason given for bytes that are not UTF-8. */
    public static final String NOT_UTF_8 = "the text is not valid UTF-8";

    private final int segmentNumber;
    private final String segmentId;
    private final String reason;

    public MalformedX12Exception(int segmentNumber, String segmentId, String reason) {
        this(segmentNumber, segmentId, reason, null);
    }

    public MalformedX12Exception(int segmentNumber, String segmentId, String reason, Throwable cause) {
        super("segment " + segmentNumber + " (" + (segmentId == null ? "?" : printable(segmentId)) + "): "
                + printable(reason), cause);
        this.segmentNumber = segmentNumber;
        this.segmentId = segmentId == null ? null : printable(segmentId);
        this.reason = printable(reason);
    }

    /**
     * The text with control characters escaped (a NUL as backslash-u-0000): a broken file's bytes quoted in a
     * reason must not break what shows or stores it (PostgreSQL refuses a NUL in text).
     */
    private static String printable(String text) {
        if (text == null || text.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
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

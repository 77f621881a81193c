package org.overturn.x12;

import java.nio.charset.StandardCharsets;


/**
 * An ISA interchange header as the payer wrote it, and the same header in the fixed 106-character layout the
 * segment reader takes its delimiters from. Payers send headers whose fields are not space-padded (71 characters)
 * or are padded too far (ISA06 at 30 characters); the elements are read by their separators instead of by
 * position.
 */
final class IsaHeader {

    static final int ELEMENTS = 16;
    /** Far longer than any real header (106 characters padded); a longer run is not an ISA. */
    static final int MAX_LENGTH = 512;

    private static final int[] WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    /** ISA02/04/06/08 are free-form authorization and party ids: cut to width when over-padded. */
    private static final boolean[] CUTTABLE = new boolean[ELEMENTS + 1];

    static {
        CUTTABLE[2] = true;
        CUTTABLE[4] = true;
        CUTTABLE[6] = true;
        CUTTABLE[8] = true;
    }

    private final String[] elements;
    private final byte elementSeparator;
    private final byte segmentTerminator;
    private final int length;

    private IsaHeader(String[] elements, byte elementSeparator, byte segmentTerminator, int length) {
        this.elements = elements;
        this.elementSeparator = elementSeparator;
        this.segmentTerminator = segmentTerminator;
        this.length = length;
    }

    /**
     * Reads the header starting at {@code start} ("ISA" followed by the element separator).
     *
     * @param end           end of the bytes available; the caller makes {@link #MAX_LENGTH} available unless
     *                      the file ends sooner
     * @param segmentNumber the header's segment number, for errors
     */
    static IsaHeader read(byte[] bytes, int start, int end, int segmentNumber) throws MalformedX12Exception {
        byte separator = bytes[start + 3];
        String[] elements = new String[ELEMENTS + 1];
        int element = 1;
        int elementStart = start + 4;
        int i = elementStart;
        int limit = Math.min(end, start + MAX_LENGTH);
        while (element < ELEMENTS) {
            if (i >= limit || bytes[i] == '\r' || bytes[i] == '\n') {
                throw bad(segmentNumber, "the ISA header ends after " + element + " of its 16 elements");
            }
            if (bytes[i] == separator) {
                elements[element++] = new String(bytes, elementStart, i - elementStart, StandardCharsets.ISO_8859_1);
                elementStart = i + 1;
            }
            i++;
        }
        if (i + 1 >= end) {
            throw bad(segmentNumber, "the ISA header has no component separator (ISA16) and segment terminator");
        }
        elements[ELEMENTS] = String.valueOf((char) (bytes[i] & 0xff));
        byte terminator = bytes[i + 1];
        IsaHeader header = new IsaHeader(elements, separator, terminator, i + 2 - start);
        header.validate(segmentNumber);
        return header;
    }

    /** Bytes the header occupied in the file. */
    int length() {
        return length;
    }

    byte elementSeparator() {
        return elementSeparator;
    }

    byte segmentTerminator() {
        return segmentTerminator;
    }

    /** The header padded (or, for the free-form ids, cut) to the standard's fixed widths. */
    byte[] canonical() {
        StringBuilder out = new StringBuilder(106).append("ISA");
        char separator = (char) (elementSeparator & 0xff);
        for (int e = 1; e <= ELEMENTS; e++) {
            String value = stripTrailingSpaces(elements[e]);
            int width = WIDTHS[e - 1];
            if (value.length() > width) {
                value = value.substring(0, width);
            }
            out.append(separator).append(value);
            out.append(" ".repeat(width - value.length()));
        }
        out.append((char) (segmentTerminator & 0xff));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void validate(int segmentNumber) throws MalformedX12Exception {
        char element = (char) (elementSeparator & 0xff);
        char component = elements[16].charAt(0);
        char terminator = (char) (segmentTerminator & 0xff);
        // widths first: a header cut short runs on into the next segment and shows as an overlong element
        for (int e = 1; e <= ELEMENTS; e++) {
            String value = stripTrailingSpaces(elements[e]);
            int odd = e < ELEMENTS ? firstNonPrintable(value) : -1;
            if (odd >= 0) {
                // the header is read by position: a byte that is not one character would shift it
                throw bad(segmentNumber, "ISA" + twoDigits(e) + " holds a byte that is not printable ASCII ("
                        + String.format("0x%02X", (int) value.charAt(odd)) + ")");
            }
            int width = WIDTHS[e - 1];
            if (!CUTTABLE[e] && value.length() > width) {
                throw bad(segmentNumber, "ISA" + twoDigits(e) + " '" + value + "' is longer than " + width
                        + (width == 1 ? " character" : " characters"));
            }
        }
        if (Character.isLetterOrDigit(component) || component == ' ') {
            throw bad(segmentNumber, "ISA16 '" + component + "' cannot be a component separator");
        }
        if (Character.isLetterOrDigit(terminator) || terminator == ' ') {
            throw bad(segmentNumber, "'" + terminator + "' after ISA16 cannot be a segment terminator");
        }
        if (component == element || terminator == element || terminator == component) {
            throw bad(segmentNumber, "the element separator, component separator and segment terminator "
                    + "are not distinct");
        }
        String version = elements[12].trim();
        if (!isDigits(version, 5)) {
            throw bad(segmentNumber, "ISA12 '" + version + "' is not an interchange version number");
        }
        if (!isDigits(elements[13].trim(), 9)) {
            throw bad(segmentNumber, "ISA13 '" + elements[13].trim() + "' is not a 9-digit interchange control number");
        }
        validateRepetitionSeparator(segmentNumber, version, element, component, terminator);
    }

    /** From version 00402 on ISA11 is a delimiter; before, it is a standards id ('U') and means nothing here. */
    private void validateRepetitionSeparator(int segmentNumber, String version, char element, char component,
                                             char terminator) throws MalformedX12Exception {
        if (Integer.parseInt(version) < 402) {
            return;
        }
        String value = elements[11];
        char repetition = value.isEmpty() ? ' ' : value.charAt(0);
        if (Character.isLetterOrDigit(repetition) || repetition == ' ') {
            throw bad(segmentNumber, "ISA11 '" + value + "' cannot be a repetition separator (required from "
                    + "version 00402 on)");
        }
        if (repetition == element || repetition == component || repetition == terminator) {
            throw bad(segmentNumber, "the repetition separator (ISA11) is also used as another delimiter");
        }
    }

    private static MalformedX12Exception bad(int segmentNumber, String reason) {
        return new MalformedX12Exception(segmentNumber, "ISA", "bad ISA: " + reason);
    }

    private static boolean isDigits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Position of the first character outside printable ASCII (the header is read as ISO-8859-1), or -1. */
    private static int firstNonPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailingSpaces(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }

    private static String twoDigits(int e) {
        return e < 10 ? "0" + e : String.valueOf(e);
    }
}

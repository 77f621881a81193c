package org.overturn.x12;

import java.io.IOException;
import java.io.UncheckedIOException;


/**
 * Splits the bytes of an {@link InterchangeStream} into complete segments, one at a time, all in the same reused
 * {@link Segment}: the X12 syntax read directly from a byte buffer, with the delimiters each ISA header gives.
 *
 * <p>It accepts and refuses what StAEDI's lexer (which this replaces, for speed: its per-character decoding and
 * event queue took three quarters of a parse) accepts and refuses, with the same segment numbering: segment ids of
 * two or three letters or digits, spaces and line breaks skipped between segments, everything but a delimiter
 * kept as element data, an IEA trailer that ends the interchange, and after it nothing but blanks or the next ISA.
 * The text must be UTF-8; a byte that is not is reported as {@link MalformedX12Exception#NOT_UTF_8} so that
 * {@link X12Segments} can read the file again as Windows-1252. Control counts and numbers are left to the
 * {@link X12Envelope}.
 */
final class SegmentStream {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** The fixed length of the header {@link InterchangeStream} hands on: "ISA", 16 elements, the terminator. */
    private static final int HEADER_LENGTH = 106;
    private static final int HEADER_REPETITION = 82;
    private static final int HEADER_VERSION = 84;
    private static final int HEADER_COMPONENT = 104;
    /**
     * The longest element (or component) read, as StAEDI read them; a longer one is a broken file (a lost
     * delimiter), refused before it can fill the memory.
     */
    private static final int MAX_PIECE = 4096;
    /** From version 00402 on ISA11 is the repetition separator. */
    private static final int FIRST_VERSION_WITH_REPETITION = 402;

    private static final byte DATA = 0;
    private static final byte ELEMENT = 1;
    private static final byte COMPONENT = 2;
    private static final byte REPETITION = 3;
    private static final byte TERMINATOR = 4;
    /** A NUL in element data: kept, but the segment is refused once complete. */
    private static final byte NUL = 5;

    private enum State { INTERCHANGE_START, SEGMENT_START, ENDED }

    private final InterchangeStream source;
    private final Segment segment = new Segment();
    private final SegmentTags tags = new SegmentTags();
    private final char[] tagChars = new char[SegmentTags.MAX_LENGTH];

    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean exhausted;

    /** What each ASCII character is in the current interchange: data or one of the delimiters. */
    private final byte[] classes = new byte[128];
    private char elementSeparator;
    private char componentSeparator;
    private char repetitionSeparator;
    private char segmentTerminator;
    private boolean repeats;

    /** The element text read so far: a piece (element, component or repetition) between two delimiters. */
    private char[] piece = new char[256];
    private int pieceLength;

    private State state = State.INTERCHANGE_START;
    private int lastNumber;
    private String lastTag;

    SegmentStream(InterchangeStream source) {
        this.source = source;
    }

    /**
     * The next complete segment, or null when the input ended (normally or not: the envelope decides
     * whether what was read is complete).
     */
    Segment next() throws MalformedX12Exception {
        try {
            Segment next = state == State.INTERCHANGE_START ? header() : segment();
            if (next == null && source.failure() != null) {
                // a later interchange's header was unusable: the input was cut before it
                throw source.failure();
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of the last segment started, complete or not. */
    int lastNumber() {
        return lastNumber;
    }

    /** Id of the last segment started, or null before the first. */
    String lastTag() {
        return lastTag;
    }

    /**
     * An interchange header, in the fixed layout {@link InterchangeStream} rewrote it to; before it only blanks and
     * control characters may stand (after an IEA).
     */
    private Segment header() throws IOException, MalformedX12Exception {
        int c = read();
        while (c >= 0 && c < 0x20 && isSkippedBeforeHeader(c) || c == ' ') {
            c = read();
        }
        if (c < 0) {
            state = State.ENDED;
            return null;
        }
        char[] header = new char[HEADER_LENGTH];
        for (int i = 0; i < HEADER_LENGTH; i++) {
            if (i > 0) {
                c = read();
            }
            if (c < 0) {
                return null;
            }
            if (i < 3 && c != "ISA".charAt(i)) {
                throw unreadable("'" + printable(c) + "' after the IEA, where only the next ISA may stand");
            }
            header[i] = (char) c;
        }
        takeDelimiters(header);
        start("ISA");
        int elementStart = 4;
        int element = 1;
        for (int i = 4; i < HEADER_LENGTH - 1; i++) {
            if (header[i] == elementSeparator || i == HEADER_LENGTH - 2) {
                int end = header[i] == elementSeparator ? i : i + 1;
                addPiece(element++, 1, header, elementStart, end - elementStart);
                elementStart = i + 1;
            }
        }
        segment.separators(componentSeparator, repeats ? repetitionSeparator : '^');
        state = State.SEGMENT_START;
        return segment;
    }

    private void takeDelimiters(char[] header) {
        java.util.Arrays.fill(classes, DATA);
        classes[0] = NUL;
        elementSeparator = header[3];
        componentSeparator = header[HEADER_COMPONENT];
        segmentTerminator = header[HEADER_LENGTH - 1];
        repetitionSeparator = header[HEADER_REPETITION];
        repeats = version(header) >= FIRST_VERSION_WITH_REPETITION && canRepeatWith(repetitionSeparator)
                && repetitionSeparator != elementSeparator;
        classify(componentSeparator, COMPONENT);
        classify(segmentTerminator, TERMINATOR);
        if (repeats) {
            classify(repetitionSeparator, REPETITION);
        }
        classify(elementSeparator, ELEMENT);
    }

    private void classify(char c, byte kind) {
        if (c < classes.length) {
            classes[c] = kind;
        }
    }

    /** The ISA12 version as a number, 0 when it is not one. */
    private static int version(char[] header) {
        int value = 0;
        for (int i = HEADER_VERSION; i < HEADER_VERSION + 5; i++) {
            char c = header[i];
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** As StAEDI: a repetition separator may be punctuation, a blank other than the space, or a control character. */
    private static boolean canRepeatWith(char c) {
        return c >= 0x80 || !Character.isLetterOrDigit(c) && c != ' ' && !isInvalid(c);
    }

    /** One segment after the header: its id, then its elements up to the terminator. */
    private Segment segment() throws IOException, MalformedX12Exception {
        if (state == State.ENDED) {
            return null;
        }
        int c = read();
        while (c >= 0 && isBlank(c) && delimiter(c) == DATA) {
            c = read();
        }
        if (c < 0) {
            return null;
        }
        int length = 0;
        while (length < SegmentTags.MAX_LENGTH && c >= 0 && isIdCharacter(c) && delimiter(c) == DATA) {
            tagChars[length++] = (char) c;
            c = read();
        }
        if (c < 0) {
            return null;
        }
        byte kind = delimiter(c);
        if (length < 2 || kind != ELEMENT && kind != TERMINATOR) {
            throw unreadable(length == 0 ? "'" + printable(c) + "' where a segment id should start"
                    : "'" + printable(c) + "' in a segment id");
        }
        String tag = tags.tag(tagChars, length);
        if (tag == null) {
            tag = new String(tagChars, 0, length);
        }
        if (kind == TERMINATOR) {
            if (tag.equals("IEA")) {
                throw unreadable("an IEA with no elements");
            }
            start(tag);
            return segment;
        }
        start(tag);
        if (tag.equals("IEA")) {
            return trailer();
        }
        return elements() ? segment : null;
    }

    /**
     * The elements of the segment started, up to its terminator; false when the input ends first. The common case,
     * a run of ASCII characters that are not delimiters, is copied in one tight loop.
     */
    private boolean elements() throws IOException, MalformedX12Exception {
        int element = 1;
        int occurrence = 1;
        pieceLength = 0;
        while (true) {
            int p = position;
            int end = limit;
            byte[] in = bytes;
            byte[] kinds = classes;
            int room = piece.length - pieceLength;
            if (end - p > room) {
                end = p + room;
            }
            char[] out = piece;
            int n = pieceLength;
            while (p < end) {
                byte b = in[p];
                if (b < 0 || kinds[b] != DATA) {
                    break;
                }
                out[n++] = (char) b;
                p++;
            }
            pieceLength = n;
            position = p;
            if (pieceLength == piece.length) {
                growPiece();
                continue;
            }
            int c = read();
            if (c < 0) {
                return false;
            }
            switch (delimiter(c)) {
                case ELEMENT -> {
                    endPiece(element, occurrence);
                    element++;
                    occurrence = 1;
                }
                case COMPONENT -> endPiece(element, occurrence);
                case REPETITION -> {
                    endPiece(element, occurrence);
                    occurrence++;
                }
                case TERMINATOR -> {
                    endPiece(element, occurrence);
                    segment.checkNoNul();
                    return true;
                }
                case NUL -> {
                    segment.flagNul(element);
                    appendToPiece(c);
                }
                default -> appendToPiece(c);
            }
        }
    }

    /**
     * An IEA: simple elements only, of printable characters, as StAEDI reads a trailer. Its terminator ends the
     * interchange; the next may start.
     */
    private Segment trailer() throws IOException, MalformedX12Exception {
        int element = 1;
        pieceLength = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            byte kind = delimiter(c);
            if (kind == NUL) {
                kind = DATA;
            }
            if (kind == ELEMENT) {
                endPiece(element++, 1);
            } else if (kind == TERMINATOR) {
                endPiece(element, 1);
                segment.checkNoNul();
                state = State.INTERCHANGE_START;
                return segment;
            } else if (kind != DATA || c < 0x20 || c == 0x7f) {
                throw unreadable("'" + printable(c) + "' in the IEA trailer");
            } else {
                appendToPiece(c);
            }
        }
    }

    private void start(String tag) {
        lastNumber++;
        lastTag = tag;
        segment.start(tag, lastNumber);
    }

    private void endPiece(int element, int occurrence) {
        addPiece(element, occurrence, piece, 0, pieceLength);
        pieceLength = 0;
    }

    private void addPiece(int element, int occurrence, char[] chars, int from, int length) {
        int at = segment.reserve(element, occurrence, length);
        if (length > 0) {
            System.arraycopy(chars, from, segment.buffer(), at, length);
        }
    }

    private void appendToPiece(int c) throws MalformedX12Exception {
        if (pieceLength == piece.length) {
            growPiece();
        }
        piece[pieceLength++] = (char) c;
    }

    private void growPiece() throws MalformedX12Exception {
        if (piece.length > MAX_PIECE) {
            throw unreadable("an element longer than " + MAX_PIECE + " characters");
        }
        piece = java.util.Arrays.copyOf(piece, Math.min(piece.length * 2, MAX_PIECE + 1));
    }

    private byte delimiter(int c) {
        if (c < classes.length) {
            return classes[c];
        }
        // a delimiter outside ASCII: only the ones ISA16 and the terminator can be
        return c == componentSeparator ? COMPONENT : c == segmentTerminator ? TERMINATOR
                : repeats && c == repetitionSeparator ? REPETITION : DATA;
    }

    /** The next character, decoded from UTF-8 (one UTF-16 unit), or -1 at the end of the input. */
    private int read() throws IOException, MalformedX12Exception {
        if (position == limit && !fill()) {
            return -1;
        }
        int b = bytes[position++];
        if (b >= 0) {
            return b;
        }
        return decode(b & 0xff);
    }

    /** A character of two to four bytes; anything Java's strict UTF-8 decoder refuses is refused. */
    private int decode(int first) throws IOException, MalformedX12Exception {
        int more;
        int min;
        int max;
        int value;
        if (first >= 0xC2 && first <= 0xDF) {
            more = 1;
            value = first & 0x1F;
            min = 0x80;
            max = 0xBF;
        } else if (first >= 0xE0 && first <= 0xEF) {
            more = 2;
            value = first & 0x0F;
            min = first == 0xE0 ? 0xA0 : 0x80;
            max = first == 0xED ? 0x9F : 0xBF;
        } else if (first >= 0xF0 && first <= 0xF4) {
            more = 3;
            value = first & 0x07;
            min = first == 0xF0 ? 0x90 : 0x80;
            max = first == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw notUtf8();
        }
        for (int i = 0; i < more; i++) {
            if (position == limit && !fill()) {
                // StAEDI took a sequence cut short by the end of the file for the end
                return -1;
            }
            if (i == 2) {
                // StAEDI read one UTF-16 unit per character and failed on every four-byte one (an emoji)
                throw unreadable("a character outside the Basic Multilingual Plane");
            }
            int next = bytes[position] & 0xff;
            if (next < min || next > max) {
                throw notUtf8();
            }
            position++;
            value = (value << 6) | (next & 0x3F);
            min = 0x80;
            max = 0xBF;
        }
        return value;
    }

    private boolean fill() throws IOException {
        if (exhausted) {
            return false;
        }
        int n = source.read(bytes, 0, bytes.length);
        while (n == 0) {
            n = source.read(bytes, 0, bytes.length);
        }
        if (n < 0) {
            exhausted = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private MalformedX12Exception notUtf8() {
        return new MalformedX12Exception(numberForError(), tagForError(), MalformedX12Exception.NOT_UTF_8);
    }

    private MalformedX12Exception unreadable(String what) {
        return new MalformedX12Exception(numberForError(), tagForError(), "unreadable X12: " + what);
    }

    /** Before the first segment is complete, an error is in the header: segment 1. */
    private int numberForError() {
        return lastNumber == 0 ? 1 : lastNumber;
    }

    private String tagForError() {
        return lastTag == null ? "ISA" : lastTag;
    }

    /** Tab, line feed, vertical tab, form feed, carriage return, space: skipped between segments. */
    private static boolean isBlank(int c) {
        return c == ' ' || c >= 0x09 && c <= 0x0D;
    }

    /** What may stand between an IEA and the next ISA: blanks and the control characters StAEDI passes over. */
    private static boolean isSkippedBeforeHeader(int c) {
        return isBlank(c) || c >= 0x01 && c <= 0x07 || c >= 0x11 && c <= 0x17 || c >= 0x1C && c <= 0x1F;
    }

    /** Characters StAEDI refuses outright (NUL, backspace, shift, escape ...), where they are not element data. */
    private static boolean isInvalid(int c) {
        return c == 0x00 || c == 0x08 || c >= 0x0E && c <= 0x10 || c >= 0x18 && c <= 0x1B || c == 0x7F;
    }

    private static boolean isIdCharacter(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** A character for an error message: control characters by their code. */
    private static String printable(int c) {
        return c < 0x20 || c == 0x7f ? String.format("0x%02X", c) : new String(Character.toChars(c));
    }
}

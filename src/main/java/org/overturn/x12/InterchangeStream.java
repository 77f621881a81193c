package org.overturn.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;


/**
 * The bytes {@link SegmentStream} reads: the file from its first ISA on, with every ISA header rewritten to the
 * fixed 106-character layout, whose delimiters are then found by position. Skips a UTF-8 byte order mark and
 * whatever comes before the first ISA (some files open with a page of prose). Everything after a header passes
 * through untouched, in one pass over a reused buffer; only the start of each segment is looked at, to find the
 * next interchange's header.
 */
final class InterchangeStream extends InputStream {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] single = new byte[1];
    private byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean exhausted;

    private byte[] header;
    private int headerPosition;

    private byte elementSeparator;
    private byte segmentTerminator;
    /** Whether the segment being passed is an IEA. */
    private boolean inInterchangeTrailer;
    private boolean atSegmentStart;
    private int segmentsPassed;
    private MalformedX12Exception failure;

    private InterchangeStream(InputStream in) {
        this.in = in;
    }

    /**
     * Positions the stream on the first ISA header.
     *
     * @throws MalformedX12Exception when the file holds no ISA (for example one that starts at ST)
     *                                      or its first header is unusable
     */
    static InterchangeStream open(InputStream in) throws IOException, MalformedX12Exception {
        InterchangeStream stream = new InterchangeStream(in);
        stream.skipPreamble();
        stream.takeHeader(1);
        return stream;
    }

    /** The error found in a later interchange's header, which the segment reader only sees as the end of its input. */
    MalformedX12Exception failure() {
        return failure;
    }

    /** Whether the whole file has been handed on. */
    boolean isExhausted() {
        return exhausted && position == limit && header == null;
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (header != null) {
            return copyHeader(target, offset, length);
        }
        if (failure != null) {
            return -1;
        }
        if (position == limit && !fill()) {
            return finalTerminator(target, offset);
        }
        int copied = 0;
        while (copied < length && position < limit) {
            if (!atSegmentStart) {
                // inside a segment only its terminator matters: copy up to it in one go
                int end = Math.min(limit, position + length - copied);
                int i = position;
                byte terminator = segmentTerminator;
                while (i < end && buffer[i] != terminator) {
                    i++;
                }
                System.arraycopy(buffer, position, target, offset + copied, i - position);
                copied += i - position;
                position = i;
                if (i == end) {
                    continue;
                }
            }
            byte b = buffer[position];
            if (b == segmentTerminator) {
                segmentsPassed++;
                atSegmentStart = true;
            } else if (atSegmentStart && !isWhitespace(b)) {
                if (b == 'I' && isHeaderAhead()) {
                    // hand over what came before first, so the rewritten header starts a read of its own
                    return copied > 0 ? copied : nextHeader(target, offset, length);
                }
                inInterchangeTrailer = b == 'I' && isTrailerAhead();
                atSegmentStart = false;
            }
            target[offset + copied++] = b;
            position++;
        }
        return copied;
    }

    /**
     * At the end of the input: the terminator of a last IEA that has none (a file whose terminator is a line break
     * often ends without one), so that the trailer does not read as cut off. Any other unterminated last segment
     * is left so: it may have lost elements, and the file is reported as truncated.
     */
    private int finalTerminator(byte[] target, int offset) {
        if (atSegmentStart || !inInterchangeTrailer) {
            return -1;
        }
        atSegmentStart = true;
        target[offset] = segmentTerminator;
        return 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void skipPreamble() throws IOException, MalformedX12Exception {
        fill();
        if (available(BOM.length) >= BOM.length && startsWith(BOM)) {
            position += BOM.length;
        }
        String firstTag = null;
        boolean lineStart = true;
        while (true) {
            if (position == limit && !fill()) {
                throw new MalformedX12Exception(1, firstTag, "no ISA interchange header");
            }
            byte b = buffer[position];
            if (lineStart && b == 'I' && isHeaderAhead()) {
                return;
            }
            if (firstTag == null && lineStart && !isWhitespace(b)) {
                firstTag = tagAt();
            }
            lineStart = isWhitespace(b);
            position++;
        }
    }

    /** The segment id at the current position when the text there looks like a segment ("ST*..."), else "?". */
    private String tagAt() throws IOException {
        int available = available(4);
        int i = 0;
        while (i < available && i < 3 && Character.isLetterOrDigit(buffer[position + i])) {
            i++;
        }
        boolean looksLikeSegment = i >= 2 && i < available && !Character.isLetterOrDigit(buffer[position + i])
                && !isWhitespace(buffer[position + i]);
        return looksLikeSegment ? new String(buffer, position, i, StandardCharsets.US_ASCII) : "?";
    }

    /** "ISA" followed by a character that can be an element separator (ASCII, not a letter, digit or space). */
    private boolean isHeaderAhead() throws IOException {
        if (available(4) < 4) {
            return false;
        }
        byte separator = buffer[position + 3];
        return buffer[position + 1] == 'S' && buffer[position + 2] == 'A' && separator > 0
                && !Character.isLetterOrDigit(separator) && !isWhitespace(separator);
    }

    /** "IEA" followed by the interchange's element separator. */
    private boolean isTrailerAhead() throws IOException {
        return available(4) >= 4 && buffer[position + 1] == 'E' && buffer[position + 2] == 'A'
                && buffer[position + 3] == elementSeparator;
    }

    private int nextHeader(byte[] target, int offset, int length) throws IOException {
        try {
            takeHeader(segmentsPassed + 1);
        } catch (MalformedX12Exception e) {
            failure = e;
            return -1;
        }
        return copyHeader(target, offset, length);
    }

    private void takeHeader(int segmentNumber) throws IOException, MalformedX12Exception {
        available(IsaHeader.MAX_LENGTH);
        IsaHeader isa = IsaHeader.read(buffer, position, limit, segmentNumber);
        position += isa.length();
        header = isa.canonical();
        headerPosition = 0;
        elementSeparator = isa.elementSeparator();
        segmentTerminator = isa.segmentTerminator();
        segmentsPassed = segmentNumber;
        atSegmentStart = true;
    }

    private int copyHeader(byte[] target, int offset, int length) {
        int n = Math.min(length, header.length - headerPosition);
        System.arraycopy(header, headerPosition, target, offset, n);
        headerPosition += n;
        if (headerPosition == header.length) {
            header = null;
        }
        return n;
    }

    /** Makes up to {@code wanted} bytes available from the current position; returns how many are. */
    private int available(int wanted) throws IOException {
        while (limit - position < wanted && !exhausted) {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            readMore();
        }
        return Math.min(wanted, limit - position);
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        position = 0;
        limit = 0;
        while (limit == 0 && !exhausted) {
            readMore();
        }
        return limit > 0;
    }

    private void readMore() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            exhausted = true;
        } else {
            limit += n;
        }
    }

    private boolean startsWith(byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buffer[position + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t';
    }
}

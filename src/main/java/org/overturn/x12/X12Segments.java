package org.overturn.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads any X12 file segment by segment, streaming: a byte order mark and prose before the
 * first ISA are skipped, any delimiters are accepted, every interchange's header is normalised. Each segment is
 * handed to the reader's {@link Handler} in the same reused {@link Segment}; what the segments mean (loops,
 * envelope rules per transaction type) is the handler's business.
 */
public final class X12Segments {

    private X12Segments() {
    }

    /** What a transaction reader does with the segments of a file, in order. */
    public interface Handler {

        void accept(Segment segment) throws MalformedX12Exception;

        /**
         * The input has ended.
         *
         * @param lastNumber number of the last segment read (complete or not), for a truncated file
         * @param lastTag    its id
         */
        void end(int lastNumber, String lastTag) throws MalformedX12Exception;
    }

    public static void read(InputStream in, Handler handler) throws MalformedX12Exception {
        Objects.requireNonNull(in, "in");
        try {
            SegmentStream segments = new SegmentStream(InterchangeStream.open(in));
            for (Segment segment = segments.next(); segment != null; segment = segments.next()) {
                handler.accept(segment);
            }
            handler.end(segments.lastNumber(), segments.lastTag());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a whole file held in memory. X12 is ASCII, but some payers' systems write names in Windows-1252 (an
     * accented letter): such a file is read as Windows-1252 rather than refused. The handler must start afresh
     * when asked twice; {@code handlers} gives a new one per attempt.
     */
    public static <H extends Handler> H read(byte[] content, java.util.function.Supplier<H> handlers)
            throws MalformedX12Exception {
        H handler = handlers.get();
        try {
            read(new java.io.ByteArrayInputStream(content), handler);
            return handler;
        } catch (MalformedX12Exception e) {
            if (!MalformedX12Exception.NOT_UTF_8.equals(e.reason())) {
                throw e;
            }
        }
        byte[] transcoded = new String(content, java.nio.charset.Charset.forName("windows-1252"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        H second = handlers.get();
        read(new java.io.ByteArrayInputStream(transcoded), second);
        return second;
    }

    /**
     * Reads the file up to its first ST: which functional group and transaction set it holds, or null when no ST
     * comes before the end. Used to send a file to the reader for its kind.
     *
     * @throws MalformedX12Exception when the file is not X12 up to there (no ISA, a broken header ...)
     */
    public static X12Identity identify(byte[] content) throws MalformedX12Exception {
        Identifying identifying = new Identifying();
        try {
            read(content, () -> identifying);
        } catch (Identified found) {
            return found.identity;
        } catch (MalformedX12Exception e) {
            if (identifying.identity != null) {
                return identifying.identity;
            }
            throw e;
        }
        return null;
    }

    /**
     * What the file says it holds, or null when it cannot be read that far: the reader for the kind it was meant to
     * be then refuses it with the segment and the reason.
     */
    public static X12Identity identifyIfReadable(byte[] content) {
        try {
            return identify(content);
        } catch (MalformedX12Exception e) {
            return null;
        }
    }

    private static final class Identifying implements Handler {
        private String functionalId;
        private String implementation;
        private X12Identity identity;

        @Override
        public void accept(Segment segment) throws MalformedX12Exception {
            if (segment.is("GS")) {
                functionalId = segment.text(1);
                implementation = segment.text(8);
            } else if (segment.is("ST")) {
                String implementationOfSet = implementation != null ? implementation : segment.text(3);
                identity = new X12Identity(functionalId, segment.text(1), implementationOfSet);
                throw new Identified(identity);
            }
        }

        @Override
        public void end(int lastNumber, String lastTag) {
            // no ST in the file: identify answers null
        }
    }

    /** Stops the reading at the first ST: nothing after it is needed to know the kind. */
    private static final class Identified extends RuntimeException {
        private final transient X12Identity identity;

        Identified(X12Identity identity) {
            super(null, null, false, false);
            this.identity = identity;
        }
    }
}

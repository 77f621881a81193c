package org.overturn.x12;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Map;

import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;


/**
 * Turns StAEDI's event stream into complete segments, one at a time, all in the same reused
 * {@link Segment}. StAEDI's envelope validation is kept where it matters: a control count or control
 * number mismatch is flagged on the segment for the {@link X12Envelope} to report. Its other findings (code
 * values and lengths of envelope elements) are left out on purpose: real payers deviate there harmlessly,
 * and the elements this product relies on are checked where they are read.
 */
final class SegmentStream {

    /** StAEDI's code for "unexpected end of stream". */
    private static final String END_OF_STREAM = "EDIE005";

    private final EDIStreamReader reader;
    private final InterchangeStream source;
    private final Segment segment = new Segment();
    private final SegmentTags tags = new SegmentTags();
    private final char[] tagChars = new char[SegmentTags.MAX_LENGTH];
    private int lastNumber;
    private String lastTag;

    SegmentStream(EDIStreamReader reader, InterchangeStream source) {
        this.reader = reader;
        this.source = source;
    }

    /**
     * The next complete segment, or null when the input ended (normally or not: the envelope decides
     * whether what was read is complete).
     */
    Segment next() throws MalformedX12Exception {
        try {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> start();
                    case ELEMENT_DATA -> data();
                    case END_SEGMENT -> {
                        if (segment.is("ISA")) {
                            takeSeparators();
                        }
                        segment.checkNoNul();
                        return segment;
                    }
                    case ELEMENT_DATA_ERROR -> flag(reader.getErrorType());
                    default -> {
                        // loops, composites and envelope boundaries: the envelope follows the segments themselves
                    }
                }
            }
            if (source.failure() != null) {
                // a later interchange's header was unusable: StAEDI saw the input end cleanly before it
                throw source.failure();
            }
            return null;
        } catch (EDIStreamException e) {
            return endOrFail(e);
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

    private void start() {
        Location location = reader.getLocation();
        lastNumber = location.getSegmentPosition();
        int length = reader.getTextLength();
        String tag = null;
        if (length <= tagChars.length) {
            reader.getTextCharacters(reader.getTextStart(), tagChars, 0, length);
            tag = tags.tag(tagChars, length);
        }
        lastTag = tag != null ? tag : reader.getText();
        segment.start(lastTag, lastNumber);
    }

    /** Copies the element's text straight into the segment buffer: StAEDI's getText() would copy it twice. */
    private void data() {
        Location location = reader.getLocation();
        int length = reader.getTextLength();
        int at = segment.reserve(location.getElementPosition(), location.getElementOccurrence(), length);
        if (length > 0) {
            reader.getTextCharacters(reader.getTextStart(), segment.buffer(), at, length);
            segment.written(at, length);
        }
    }

    private void flag(EDIStreamValidationError error) {
        if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            segment.flagControlError(Segment.ControlError.COUNT_MISMATCH);
        } else if (error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            segment.flagControlError(Segment.ControlError.REFERENCE_MISMATCH);
        }
    }

    private void takeSeparators() {
        Map<String, Character> delimiters = reader.getDelimiters();
        Character component = delimiters.get(Delimiters.COMPONENT_ELEMENT);
        Character repetition = delimiters.get(Delimiters.REPETITION);
        segment.separators(component == null ? ':' : component, repetition == null ? '^' : repetition);
    }

    private Segment endOrFail(EDIStreamException e) throws MalformedX12Exception {
        if (source.failure() != null) {
            throw source.failure();
        }
        Location location = e.getLocation();
        if (location != null && location.getSegmentPosition() > 0) {
            lastNumber = location.getSegmentPosition();
            if (location.getSegmentTag() != null) {
                lastTag = location.getSegmentTag();
            }
        }
        if (lastNumber == 0) {
            // StAEDI stopped inside the first header, before it reported any segment: that is segment 1
            lastNumber = 1;
            lastTag = "ISA";
        }
        if (e.getCause() instanceof CharacterCodingException) {
            throw new MalformedX12Exception(lastNumber, lastTag, MalformedX12Exception.NOT_UTF_8, e);
        }
        if (e.getCause() instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(END_OF_STREAM) && source.isExhausted()) {
            // truncated: the envelope reports which trailer is missing
            return null;
        }
        throw new MalformedX12Exception(lastNumber, lastTag, "unreadable X12: " + message, e);
    }
}

package org.overturn.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.MutatedRemittances;

/**
 * Differential test of {@link SegmentStream}, the byte-buffer segment reader, against StAEDI's
 * {@link EDIStreamReader}, which it replaced for speed: StAEDI stays the oracle of what X12 syntax is read and what
 * is refused. Both read the same {@link InterchangeStream}; for every input they must hand on the same segments
 * (number, id, element texts and components) up to the same end, or fail at the same segment for the same kind of
 * reason. Inputs: every sample file, the generated remittances the tests use, and mutants of all of them.
 */
class SegmentReaderAgreesWithStaediTest {

    private static final Path SAMPLES = Paths.get("src/test/resources/samples");
    private static final long SEED = 20_261_206L;
    private static final int MUTANTS_PER_SET = 1500;
    /**
     * Mutants larger than this are left out: StAEDI takes seconds over an element of a million components (the
     * new reader milliseconds), and the smaller "huge value" mutants already cover long elements and the
     * 4,096-character limit.
     */
    private static final int MAX_MUTANT_BYTES = 256 * 1024;

    @Test
    void samplesAndGeneratedFilesAreReadAlike() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        int readWhole = 0;
        for (Path file : files) {
            if (agree(file.toString(), Files.readAllBytes(file)).failure == null) {
                readWhole++;
            }
        }
        for (MutatedRemittances.Base base : MutatedRemittances.standardBases()) {
            agree(base.name(), base.text().getBytes(StandardCharsets.ISO_8859_1));
        }
        // most samples are well-formed X12: a reader that refused everything alike must not pass
        assertThat(readWhole).isGreaterThan(files.size() / 2);
    }

    @Test
    void mutantsOfTheRemittancesAreReadOrRefusedAlike() {
        MutatedRemittances mutants = new MutatedRemittances(SEED, MutatedRemittances.standardBases());
        assertAgreeOnMutants(mutants);
    }

    @Test
    void mutantsOfTheOtherX12SamplesAreReadOrRefusedAlike() throws IOException {
        List<MutatedRemittances.Base> bases = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(SAMPLES.resolve("x12"))) {
            for (Path file : walk.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".md")).sorted().toList()) {
                bases.add(new MutatedRemittances.Base(file.getFileName().toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
            }
        }
        assertAgreeOnMutants(new MutatedRemittances(SEED + 1, bases));
    }

    private static void assertAgreeOnMutants(MutatedRemittances mutants) {
        int failures = 0;
        int compared = 0;
        for (int n = 0; n < MUTANTS_PER_SET; n++) {
            MutatedRemittances.Mutant mutant = mutants.mutant(n);
            if (mutant.bytes().length > MAX_MUTANT_BYTES) {
                continue;
            }
            compared++;
            if (agree(mutant.describe(), mutant.bytes()).failure != null) {
                failures++;
            }
        }
        // the comparison covers both sides: files read through and files refused
        assertThat(compared).isGreaterThan(MUTANTS_PER_SET * 9 / 10);
        assertThat(failures).isBetween(1, compared - 1);
    }

    private static Outcome agree(String name, byte[] bytes) {
        Outcome expected = staedi(bytes);
        Outcome actual = segmentStream(bytes);
        assertThat(actual.segments).as("segments of %s", name).isEqualTo(expected.segments);
        assertThat(actual.failure).as("failure of %s", name).isEqualTo(expected.failure);
        assertThat(actual.end).as("end of %s", name).isEqualTo(expected.end);
        return actual;
    }

    // ---- what each reader saw ---------------------------------------------------------------------------------

    /**
     * The segments read, then either how the input ended (last segment number and id, for a truncated file) or
     * why it was refused.
     */
    private static final class Outcome {
        final List<String> segments = new ArrayList<>();
        String end;
        String failure;
    }

    /**
     * A segment as the transaction readers see it: number, id, and per element its text and its components, as
     * {@link Segment#text(int)} and {@link Segment#component(int, int)} give them.
     */
    private static String describe(Segment segment) {
        StringBuilder out = new StringBuilder().append(segment.number()).append(' ').append(segment.tag());
        for (int e = 1; e <= segment.elementCount(); e++) {
            out.append(" |").append(segment.text(e));
            if (segment.componentCount(e) > 1) {
                out.append(" {");
                for (int c = 1; c <= segment.componentCount(e); c++) {
                    out.append(c > 1 ? "," : "").append(segment.component(e, c));
                }
                out.append('}');
            }
        }
        return out.toString();
    }

    /**
     * Only the kind of reason is compared for the readers' own refusals: StAEDI's messages (its error codes and
     * wording) are not the new reader's, and no caller reads them, but which segment is refused, and whether the
     * file is worth reading again as Windows-1252 (not UTF-8), must agree. Refusals made by code both share
     * ({@link InterchangeStream}'s headers, {@link Segment}'s NUL check) must agree word for word.
     */
    private static String failure(MalformedX12Exception e) {
        String reason = e.reason();
        String kind = MalformedX12Exception.NOT_UTF_8.equals(reason) ? "not UTF-8"
                : reason.startsWith("unreadable X12:") ? "unreadable" : reason;
        return "segment " + e.segmentNumber() + " " + e.segmentId() + ": " + kind;
    }

    private static Outcome segmentStream(byte[] bytes) {
        Outcome outcome = new Outcome();
        try {
            X12Segments.read(new ByteArrayInputStream(bytes), new X12Segments.Handler() {
                @Override
                public void accept(Segment segment) {
                    outcome.segments.add(describe(segment));
                }

                @Override
                public void end(int lastNumber, String lastTag) {
                    outcome.end = lastNumber + " " + lastTag;
                }
            });
        } catch (MalformedX12Exception e) {
            outcome.failure = failure(e);
        }
        return outcome;
    }

    private static Outcome staedi(byte[] bytes) {
        Outcome outcome = new Outcome();
        try {
            InterchangeStream source = InterchangeStream.open(new ByteArrayInputStream(bytes));
            EDIInputFactory factory = EDIInputFactory.newFactory();
            // as the StAEDI-based reader had it: envelope code values vary harmlessly between payers
            factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
            try (EDIStreamReader reader = factory.createEDIStreamReader(source, "UTF-8")) {
                StaediSegments segments = new StaediSegments(reader, source);
                for (Segment segment = segments.next(); segment != null; segment = segments.next()) {
                    outcome.segments.add(describe(segment));
                }
                outcome.end = segments.lastNumber + " " + segments.lastTag;
            }
        } catch (MalformedX12Exception e) {
            outcome.failure = failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDIStreamException e) {
            throw new IllegalStateException(e);
        }
        return outcome;
    }

    /**
     * The oracle: the StAEDI-based segment reader this project used before the byte-buffer one (commit 8dc2459,
     * SegmentStream), less its control-number flags, which the {@link X12Envelope} now checks itself.
     */
    private static final class StaediSegments {

        /** StAEDI's code for "unexpected end of stream". */
        private static final String END_OF_STREAM = "EDIE005";

        private final EDIStreamReader reader;
        private final InterchangeStream source;
        private final Segment segment = new Segment();
        int lastNumber;
        String lastTag;

        StaediSegments(EDIStreamReader reader, InterchangeStream source) {
            this.reader = reader;
            this.source = source;
        }

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
                        default -> {
                            // loops, composites, envelope boundaries and validation findings: not syntax
                        }
                    }
                }
                if (source.failure() != null) {
                    throw source.failure();
                }
                return null;
            } catch (EDIStreamException e) {
                return endOrFail(e);
            }
        }

        private void start() {
            lastNumber = reader.getLocation().getSegmentPosition();
            lastTag = reader.getText();
            segment.start(lastTag, lastNumber);
        }

        private void data() {
            Location location = reader.getLocation();
            String text = reader.getText();
            int at = segment.reserve(location.getElementPosition(), location.getElementOccurrence(), text.length());
            text.getChars(0, text.length(), segment.buffer(), at);
            if (text.indexOf('\0') >= 0) {
                segment.flagNul(location.getElementPosition());
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
                return null;
            }
            throw new MalformedX12Exception(lastNumber, lastTag, "unreadable X12: " + message, e);
        }
    }
}

package org.overturn.remittance;

import org.overturn.x12.MalformedX12Exception;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thousands of broken 835 files, made deterministically from real and generated ones: the parser reads each
 * or refuses it with a {@link MalformedX12Exception} that names a segment and a reason; never another
 * exception, never a hang. What it reads, the balancing check can look at.
 *
 * <p>{@code -Doverturn.fuzz.files=N} runs more files, {@code -Doverturn.fuzz.seed=S} other ones. A failing file
 * is written to {@code target/fuzz/} and named by its index, which reproduces it.
 */
class RemittanceParserFuzzTest {

    static final long SEED = Long.getLong("overturn.fuzz.seed", 835L);
    static final int FILES = Integer.getInteger("overturn.fuzz.files", 4_000);
    /** Only against a hang: a huge mutant parses in well under a second. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final RemittanceParser parser = RemittanceParser.standard();

    @Test
    void everyBrokenFileIsReadOrRefusedWithItsSegmentAndReason() {
        MutatedRemittances mutants = new MutatedRemittances(SEED, MutatedRemittances.standardBases());
        Map<String, List<String>> failures = new LinkedHashMap<>();
        int read = 0;
        int refused = 0;
        for (int n = 0; n < FILES; n++) {
            MutatedRemittances.Mutant mutant = mutants.mutant(n);
            Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> parse(mutant.bytes()), mutant::describe);
            if (outcome.failure() != null) {
                failures.computeIfAbsent(outcome.failure(), k -> new ArrayList<>()).add(mutant.describe());
                keep(mutant);
            } else if (outcome.read()) {
                read++;
            } else {
                refused++;
            }
        }

        assertThat(failures).as(report(failures)).isEmpty();
        // the damage is not all of one kind: some files survive it, most do not
        assertThat(read).as("files read").isPositive();
        assertThat(refused).as("files refused").isGreaterThan(read);
    }

    @Test
    void theUndamagedBasesAreReadAsBefore() throws MalformedX12Exception {
        // the mutations start from the bases as rewritten segment by segment: that rewriting alone breaks nothing
        for (MutatedRemittances.Base base : MutatedRemittances.standardBases()) {
            byte[] original = base.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            MutatedRemittances.Mutant untouched = new MutatedRemittances(SEED, List.of(base)).unchanged();
            RemittanceFile before;
            try {
                before = parser.parse(original);
            } catch (MalformedX12Exception e) {
                // a real sample that is refused as it is must be refused the same way rewritten
                assertThat(catchMalformed(untouched.bytes())).as(base.name()).isNotNull();
                continue;
            }
            assertThat(parser.parse(untouched.bytes()).claimCount()).as(base.name()).isEqualTo(before.claimCount());
        }
    }

    private MalformedX12Exception catchMalformed(byte[] bytes) {
        try {
            parser.parse(bytes);
            return null;
        } catch (MalformedX12Exception e) {
            return e;
        }
    }

    /** What the parser did with one file: read it, refused it properly, or failed otherwise (the failure). */
    record Outcome(boolean read, String failure) {
    }

    private Outcome parse(byte[] bytes) {
        try {
            RemittanceFile file = parser.parse(bytes);
            for (RemittanceAdvice advice : file.transactions()) {
                RemittanceBalance.problems(advice);
            }
            return new Outcome(true, null);
        } catch (MalformedX12Exception e) {
            if (e.segmentNumber() < 1 || e.reason() == null || e.reason().isBlank()
                    || !e.getMessage().matches("(?s)segment \\d+ \\(.+?\\): .+")) {
                return new Outcome(false, "refusal without segment or reason: " + e.getMessage());
            }
            return new Outcome(false, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            StackTraceElement[] trace = e.getStackTrace();
            return new Outcome(false, e.getClass().getName() + ": " + abbreviate(e.getMessage()) + " at "
                    + (trace.length > 0 ? trace[0] : "?"));
        }
    }

    private static String report(Map<String, List<String>> failures) {
        StringBuilder out = new StringBuilder("files neither read nor properly refused (kept in target/fuzz):");
        failures.forEach((failure, files) -> out.append("\n  ").append(failure).append("\n    ")
                .append(files.size()).append(" file(s), e.g. ").append(files.subList(0, Math.min(3, files.size()))));
        return out.toString();
    }

    private static String abbreviate(String message) {
        return message == null || message.length() < 200 ? message : message.substring(0, 200) + "...";
    }

    private static void keep(MutatedRemittances.Mutant mutant) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz"));
            Files.write(dir.resolve("parser-" + SEED + "-" + mutant.index() + ".835"), mutant.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.MutatedRemittances;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Broken 835 files through the real intake and database: a refused file leaves no remittance, claim or denial
 * behind and is quarantined; a file read is stored whole, every denial with its process; a file some of whose
 * transaction sets cannot be read has the others stored and is quarantined for those; the same bytes again
 * add nothing. Each file is first made a payment of its own (a trace number suffix), so most of those read are
 * stored rather than recognised as payments already on file.
 *
 * <p>{@code -Doverturn.fuzz.intake-files=N} runs more files, {@code -Doverturn.fuzz.seed=S} other ones.
 */
@OverturnIntegrationTest
class IntakeFuzzIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeFuzzIT.class);

    static final long SEED = Long.getLong("overturn.fuzz.seed", 835L);
    static final int FILES = Integer.getInteger("overturn.fuzz.intake-files", 300);
    /** Only against a hang. */
    static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    private final RemittanceParser parser = RemittanceParser.standard();

    @Test
    void brokenFilesAreQuarantinedWholeFilesStoredWholeAndNothingTwice() {
        List<MutatedRemittances.Base> bases = MutatedRemittances.standardBases();
        MutatedRemittances mutations = new MutatedRemittances(SEED, bases);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<IntakeResult.Outcome, Integer> outcomes = new LinkedHashMap<>();
        for (int n = 0; n < FILES; n++) {
            MutatedRemittances.Base base = bases.get(n % bases.size());
            byte[] unique = Samples.retraced(base.text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    "-Z" + SEED + "-" + n);
            MutatedRemittances.Mutant mutant = mutations.mutant(n, new MutatedRemittances.Base(base.name(),
                    new String(unique, java.nio.charset.StandardCharsets.ISO_8859_1)));
            List<Problem> problems = assertTimeoutPreemptively(HANG_GUARD, () -> check(mutant, outcomes),
                    mutant::describe);
            for (Problem problem : problems) {
                failures.computeIfAbsent(problem.kind(), k -> new ArrayList<>())
                        .add(mutant.describe() + (problem.detail().isEmpty() ? "" : ": " + problem.detail()));
            }
        }

        log.info("{} broken files (seed {}) through the intake: {}", FILES, SEED, outcomes);
        assertThat(failures).as(report(failures)).isEmpty();
        assertThat(outcomes).as("outcomes").containsKeys(IntakeResult.Outcome.STORED, IntakeResult.Outcome.REJECTED);
    }

    /** What went wrong with a file: the kind (the report groups by it) and the particulars. */
    record Problem(String kind, String detail) {
    }

    /** Ingests one file twice; the problems found, none when all is well. */
    private List<Problem> check(MutatedRemittances.Mutant mutant, Map<IntakeResult.Outcome, Integer> outcomes) {
        List<Problem> problems = new ArrayList<>();
        String sha256 = RemittanceIntake.sha256(mutant.bytes());
        String name = "fuzz-" + SEED + "-" + mutant.index() + ".835";
        RemittanceFile parsed = null;
        String refusal = null;
        try {
            parsed = parser.parse(mutant.bytes());
        } catch (MalformedX12Exception e) {
            refusal = e.getMessage();
        }
        Counts before = counts();
        IntakeResult result;
        try {
            result = intake.ingest(name, mutant.bytes(), "UPLOAD", "fuzz");
        } catch (RuntimeException e) {
            problems.add(new Problem("ingest threw " + e.getClass().getName(), firstLine(e.getMessage()) + where(e)));
            return problems;
        }
        outcomes.merge(result.outcome(), 1, Integer::sum);
        Counts after = counts();
        switch (result.outcome()) {
            case REJECTED -> {
                expect(problems, refusal != null, "rejected a file the parser reads", result.error());
                expect(problems, after.sameStoreAs(before), "a rejected file changed the store", before + " -> " + after);
                expect(problems, result.quarantineId() != null && sha256.equals(jdbc.queryForObject(
                                "select sha256 from quarantined_file where id = ?", String.class, result.quarantineId())),
                        "a rejected file is not in quarantine", "");
                expect(problems, result.error() != null && result.error().startsWith(name + ": segment "),
                        "the rejection does not name the segment", result.error());
            }
            case STORED -> {
                expect(problems, parsed != null, "stored a file the parser refuses", refusal);
                problems.addAll(storedWhole(result, parsed, before, after));
                problems.addAll(quarantinedForUnreadable(result, parsed, sha256, before, after));
            }
            case DUPLICATE -> {
                expect(problems, after.sameStoreAs(before), "a duplicate changed the store", before + " -> " + after);
                if (parsed != null) {
                    problems.addAll(quarantinedForUnreadable(result, parsed, sha256, before, after));
                } else {
                    expect(problems, after.quarantined == before.quarantined, "a duplicate was quarantined", "");
                }
            }
        }

        IntakeResult again;
        try {
            again = intake.ingest(name, mutant.bytes(), "UPLOAD", "fuzz");
        } catch (RuntimeException e) {
            problems.add(new Problem("ingest again threw " + e.getClass().getName(), firstLine(e.getMessage())));
            return problems;
        }
        Counts afterAgain = counts();
        expect(problems, afterAgain.equals(after), "the same bytes again changed something", after + " -> "
                + afterAgain);
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            expect(problems, again.outcome() == IntakeResult.Outcome.REJECTED
                            && result.quarantineId().equals(again.quarantineId()),
                    "the same refused bytes again were not recognised",
                    again.outcome() + " quarantine #" + again.quarantineId() + " (first #" + result.quarantineId() + ")");
        } else {
            expect(problems, again.outcome() == IntakeResult.Outcome.DUPLICATE && again.duplicate(),
                    "the same bytes again were not a duplicate", String.valueOf(again.outcome()));
        }
        return problems;
    }

    /** The file's rows: its transactions, their claims, the claims' denials, each denial with one process. */
    private List<Problem> storedWhole(IntakeResult result, RemittanceFile parsed, Counts before, Counts after) {
        List<Problem> problems = new ArrayList<>();
        long remittances = count("select count(*) from remittance where file_id = ?", result.fileId());
        long claims = count("select count(*) from claim_payment c join remittance r on r.id = c.remittance_id "
                + "where r.file_id = ?", result.fileId());
        long denials = count("select count(*) from denial d join claim_payment c on c.id = d.claim_payment_id "
                + "join remittance r on r.id = c.remittance_id where r.file_id = ?", result.fileId());
        long withoutProcess = count("select count(*) from denial d join claim_payment c on c.id = d.claim_payment_id "
                + "join remittance r on r.id = c.remittance_id where r.file_id = ? "
                + "and not exists (select 1 from denial_process p where p.denial_id = d.id)", result.fileId());
        int parsedClaims = parsed.claimCount();
        int reportedClaims = result.remittances().stream().mapToInt(IntakeResult.TransactionSummary::claims).sum();
        expect(problems, remittances == result.transactions() && remittances == after.remittances - before.remittances,
                "transactions stored differ from those reported", remittances + " vs " + result.transactions());
        expect(problems, claims == result.claims() && claims == after.claims - before.claims,
                "claims stored differ from those reported", claims + " vs " + result.claims());
        expect(problems, reportedClaims == parsedClaims && result.transactions() + result.duplicateTransactions()
                        == parsed.transactions().size(),
                "the intake did not account for every claim of the file", "the file has " + parsedClaims
                        + " claims in " + parsed.transactions().size() + " transactions, the intake accounted for "
                        + reportedClaims);
        expect(problems, denials == result.denials() && denials == after.denials - before.denials,
                "denials stored differ from those reported", denials + " vs " + result.denials());
        expect(problems, withoutProcess == 0, "denials without a process", String.valueOf(withoutProcess));
        return problems;
    }

    /**
     * A file read in part is kept in quarantine once, named in the answer with every transaction set left out; a
     * file read whole is not kept there.
     */
    private List<Problem> quarantinedForUnreadable(IntakeResult result, RemittanceFile parsed, String sha256,
                                                   Counts before, Counts after) {
        List<Problem> problems = new ArrayList<>();
        expect(problems, result.unreadable().equals(parsed.unreadable()),
                "the answer does not list the transaction sets left out", result.unreadable() + " vs "
                        + parsed.unreadable());
        if (parsed.unreadable().isEmpty()) {
            expect(problems, after.quarantined == before.quarantined && result.quarantineId() == null,
                    "a file read whole was also quarantined", "");
        } else {
            expect(problems, after.quarantined == before.quarantined + 1, "a file read in part was not quarantined once",
                    before.quarantined + " -> " + after.quarantined);
            expect(problems, result.quarantineId() != null && sha256.equals(jdbc.queryForObject(
                            "select sha256 from quarantined_file where id = ?", String.class, result.quarantineId())),
                    "a file read in part is not in quarantine", "");
        }
        return problems;
    }

    record Counts(long files, long remittances, long claims, long denials, long quarantined) {

        boolean sameStoreAs(Counts other) {
            return files == other.files && remittances == other.remittances && claims == other.claims
                    && denials == other.denials;
        }
    }

    private Counts counts() {
        return jdbc.queryForObject("""
                select (select count(*) from remittance_file), (select count(*) from remittance),
                       (select count(*) from claim_payment), (select count(*) from denial),
                       (select count(*) from quarantined_file)
                """, (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static void expect(List<Problem> problems, boolean condition, String kind, String detail) {
        if (!condition) {
            problems.add(new Problem(kind, detail == null ? "" : detail));
        }
    }

    /** Where the exception came from: an exception with no message (a NullPointerException) says nothing else. */
    private static String where(RuntimeException e) {
        // the first frame of the product's own code, where a library was handed what it refused
        return java.util.Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("org.overturn"))
                .findFirst().map(f -> " at " + f).orElse(e.getStackTrace().length == 0 ? ""
                        : " at " + e.getStackTrace()[0]);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String report(Map<String, List<String>> failures) {
        StringBuilder out = new StringBuilder("files the intake mishandled:");
        failures.forEach((failure, files) -> out.append("\n  ").append(failure).append("\n    ")
                .append(files.size()).append(" file(s), e.g. ").append(files.subList(0, Math.min(3, files.size()))));
        return out.toString();
    }
}

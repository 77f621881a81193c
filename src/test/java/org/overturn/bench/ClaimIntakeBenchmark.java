package org.overturn.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overturn.OverturnApplication;
import org.overturn.claim.ClaimParser;
import org.overturn.demo.RemittanceGenerator;
import org.overturn.intake.FileIntake;
import org.overturn.intake.IntakeResult;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Storing claims at volume, on the embedded PostgreSQL as the product runs (the harness of {@link IngestBenchmark}):
 * <ol>
 *   <li>the 50,000-claim 837P of {@link ClaimParserBenchmark} through {@link FileIntake}, from arrival to committed
 *       (parse, store every claim with its lines and its document, look for 835 payments waiting for it);</li>
 *   <li>the 835s of the same settings after it, through the same door, each claim payment joined to its claim.</li>
 * </ol>
 * Run: {@code ./mvnw -B -Pbench test-compile exec:java -Dbench.main=org.overturn.bench.ClaimIntakeBenchmark}; it
 * rewrites the claims section of BENCHMARKS.md.
 */
public final class ClaimIntakeBenchmark {

    static final String START = "<!-- claims-ingest:start -->";
    static final String END = "<!-- claims-ingest:end -->";
    static final String COMMAND = "./mvnw -B -Pbench test-compile exec:java "
            + "-Dbench.main=org.overturn.bench.ClaimIntakeBenchmark";

    private ClaimIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path work = Files.createTempDirectory("overturn-claims-bench");
        Path claims = ClaimParserBenchmark.generate(work);
        Path answers = new RemittanceGenerator().writeFile(ClaimParserBenchmark.SETTINGS, work.resolve("answers.835"));

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OverturnApplication.class)
                .profiles("test")
                .properties("overturn.data-dir=" + work.resolve("data"), "logging.level.root=warn",
                        "logging.level.org.overturn=warn")
                .run()) {
            FileIntake intake = app.getBean(FileIntake.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            byte[] claimBytes = Files.readAllBytes(claims);

            long t0 = System.nanoTime();
            IntakeResult stored = intake.ingest("claims.837", claimBytes, "BENCH", "bench");
            double storeSeconds = seconds(t0);
            if (stored.claimFile() == null || stored.claimFile().claimsStored() != ClaimParserBenchmark.SETTINGS
                    .claimCount()) {
                throw new IllegalStateException("claims stored: " + stored);
            }
            // the parse alone, warm, to tell it from the store
            long t1 = System.nanoTime();
            ClaimParser.standard().parse(claimBytes);
            double parseSeconds = seconds(t1);
            long tableBytes = jdbc.queryForObject("select pg_total_relation_size('billed_claim') "
                    + "+ pg_total_relation_size('billed_line')", Long.class);

            long t2 = System.nanoTime();
            IntakeResult answered = intake.ingest("answers.835", Files.readAllBytes(answers), "BENCH", "bench");
            double answerSeconds = seconds(t2);
            long joined = jdbc.queryForObject("select count(*) from claim_answer", Long.class);

            BenchmarkReport.rewrite(report, START, END, section(stored, storeSeconds, Files.size(claims),
                    parseSeconds, tableBytes, answered, answerSeconds, Files.size(answers), joined, load));
        } finally {
            Files.deleteIfExists(claims);
            Files.deleteIfExists(answers);
        }
    }

    private static String section(IntakeResult stored, double storeSeconds, long claimBytes, double parseSeconds,
                                  long tableBytes, IntakeResult answered, double answerSeconds, long answerBytes,
                                  long joined, double load) {
        List<String> lines = new ArrayList<>();
        lines.add(START);
        lines.add("## Storing 837 claims in PostgreSQL");
        lines.add("");
        lines.add("The 50,000-claim 837P of the parser benchmark (the demo clinic's professional claims, "
                + "`ClaimParserBenchmark.SETTINGS`), taken in through `FileIntake` as the upload, inbox and demo doors "
                + "do: parsed, then in one transaction every claim stored with its lines and its document (the claim "
                + "as read, in JSON, for its replacement) once, and the 835 payments already on file that answer it "
                + "joined; on the embedded PostgreSQL 17 with the job executor running. Then the 835s those claims "
                + "were generated with, through the same door: every claim payment joined to the claim it answers "
                + "before its denials are classified and their processes started. Aim: the 837 stored in under 30 s.");
        lines.add("");
        lines.add("| run | claims | stored in | claims/s |");
        lines.add("|---|---:|---:|---:|");
        lines.add(String.format(Locale.ROOT, "| %.1f MB 837P, arrival to committed | %,d | %.1f s | %,.0f |",
                claimBytes / 1e6, stored.claimFile().claimsStored(), storeSeconds,
                stored.claimFile().claimsStored() / storeSeconds));
        lines.add(String.format(Locale.ROOT, "| %.1f MB of 835s answering them, arrival to committed (%,d denials, "
                        + "%,d payments joined to their claim) | %,d | %.1f s | %,.0f |",
                answerBytes / 1e6, answered.denials(), joined, answered.claims(), answerSeconds,
                answered.claims() / answerSeconds));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Of the 837's time, parsing takes %.1f s (the same bytes parsed again, "
                + "warm). The claims and their lines take %,.0f MB in the database.", parseSeconds, tableBytes / 1e6));
        lines.add("");
        lines.add("- Command: `" + COMMAND + "`");
        lines.add("- Date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'")));
        lines.add("- Machine: " + BenchmarkReport.machine()
                + String.format(Locale.ROOT, "; load average %.1f at start", load));
        lines.add(END);
        return String.join("\n", lines) + "\n";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

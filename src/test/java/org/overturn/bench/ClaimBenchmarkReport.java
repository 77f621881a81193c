package org.overturn.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ClaimParserBenchmark} as {@link BenchmarkReport} runs the 835 one (both parsers in the same run, the
 * same forks, iterations and heap), then rewrites the 837 parse section of BENCHMARKS.md.
 *
 * <p>{@code ./mvnw -B -Pbench test-compile exec:java -Dbench.main=org.overturn.bench.ClaimBenchmarkReport};
 * {@code -Dbench.forks}, {@code -Dbench.warmups} and {@code -Dbench.iterations} override the defaults (1, 2, 5);
 * {@code -Dbench.before=DIR} and {@code -Dbench.before.label} measure an earlier build beside it, as for the 835.
 */
public final class ClaimBenchmarkReport {

    static final String START = "<!-- parse837:start -->";
    static final String END = "<!-- parse837:end -->";
    static final String COMMAND = "./mvnw -B -Pbench test-compile exec:java "
            + "-Dbench.main=org.overturn.bench.ClaimBenchmarkReport";
    private static final String HEAP = "-Xmx4g";

    private ClaimBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        String before = System.getProperty("bench.before", "");
        String beforeLabel = System.getProperty("bench.before.label", "an earlier build");
        int forks = Integer.getInteger("bench.forks", 1);
        int warmups = Integer.getInteger("bench.warmups", 2);
        int iterations = Integer.getInteger("bench.iterations", 5);
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        BenchmarkReport.exposeClasspathToForks();

        Path directory = Files.createTempDirectory("overturn-bench");
        Path file = ClaimParserBenchmark.generate(directory);
        try {
            long bytes = Files.size(file);
            Options options = new OptionsBuilder()
                    .include(ClaimParserBenchmark.class.getName() + "\\.(overturn|imswebX12Parser"
                            + (before.isEmpty() ? "" : "|overturnBefore") + ")$")
                    .param("file", file.toString())
                    .param("before", before)
                    .forks(forks)
                    .warmupIterations(warmups)
                    .measurementIterations(iterations)
                    .jvmArgs("-Xms4g", HEAP)
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true)
                    .build();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Collection<RunResult> results = new Runner(options).run();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            BenchmarkReport.rewrite(report, START, END,
                    section(results, bytes, forks, warmups, iterations, loadBefore, loadAfter,
                            before.isEmpty() ? null : beforeLabel));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    private static String section(Collection<RunResult> results, long bytes, int forks, int warmups,
                                  int iterations, double loadBefore, double loadAfter, String beforeLabel) {
        BenchmarkReport.Measured ours = BenchmarkReport.measured(results, "overturn");
        BenchmarkReport.Measured earlier = beforeLabel == null ? null
                : BenchmarkReport.measured(results, "overturnBefore");
        BenchmarkReport.Measured peer = BenchmarkReport.measured(results, "imswebX12Parser");
        int claims = ClaimParserBenchmark.SETTINGS.claimCount();
        int interchanges = (claims + ClaimParserBenchmark.SETTINGS.claimsPerTransaction() - 1)
                / ClaimParserBenchmark.SETTINGS.claimsPerTransaction();
        double megabytes = bytes / 1_000_000.0;
        StringBuilder text = new StringBuilder();
        text.append(START).append('\n');
        text.append("## Parsing an 837P: Overturn vs imsweb x12-parser\n\n");
        text.append(String.format(Locale.ROOT, "One generated 005010X222A1 file: the demo clinic's %,d professional "
                        + "claims, each under its billing provider, subscriber (and patient) levels, written through "
                        + "`ClaimWriter` in %d interchanges of one transaction set each, %.1f MB "
                        + "(`ClaimParserBenchmark.SETTINGS`, seed %d: the claims the 835s of those settings answer). "
                        + "Each parser reads it from disk (page cache) into its own model: Overturn's "
                        + "`ClaimParser.standard()` (streaming over the bytes, typed records; it takes the file's bytes, and "
                        + "reading them is timed) and imsweb's `X12Reader(ANSI837_5010_X222, file)` (loop tree).%n%n",
                claims, interchanges, megabytes, ClaimParserBenchmark.SETTINGS.seed()));
        text.append("| parser | ms per file (± 99.9% CI) | MB/s | claims/s | allocated per parse |\n");
        text.append("|---|---:|---:|---:|---:|\n");
        BenchmarkReport.row(text, "Overturn", ours, megabytes, claims);
        if (earlier != null) {
            BenchmarkReport.row(text, "Overturn before: " + beforeLabel, earlier, megabytes, claims);
        }
        BenchmarkReport.row(text, "imsweb x12-parser 1.13", peer, megabytes, claims);
        text.append(String.format(Locale.ROOT, "%nThroughput ratio ours/peer: **%.2f×** (imsweb time ÷ Overturn "
                + "time; the aim is 3×).", peer.millis() / ours.millis()));
        if (earlier != null) {
            text.append(String.format(Locale.ROOT, " Against the earlier build: %.2f× as fast (%.2f× imsweb then), "
                    + "%.1f× less allocated.", earlier.millis() / ours.millis(), peer.millis() / earlier.millis(),
                    earlier.allocatedBytes() / ours.allocatedBytes()));
        }
        text.append("\n\n");
        text.append("- Command: `").append(COMMAND)
                .append(beforeLabel == null ? "" : " -Dbench.before=<earlier build's target/classes> "
                        + "-Dbench.before.label=<which build>").append("`\n");
        text.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append('\n');
        text.append("- Machine: ").append(BenchmarkReport.machine()).append('\n');
        text.append(String.format(Locale.ROOT, "- JMH 1.37, single-shot time per parse, %d fork(s), %d warm-up and "
                        + "%d measured parses per parser, forks run with `-Xms4g %s`; MB = 10^6 bytes; allocation "
                        + "from JMH's GC profiler (`gc.alloc.rate.norm`).%n",
                forks, warmups, iterations, HEAP));
        text.append(String.format(Locale.ROOT, "- Indicative only: the machine may be shared with other builds; "
                + "1-minute load average %.1f before and %.1f after the run.%n", loadBefore, loadAfter));
        text.append(END).append('\n');
        return text.toString();
    }
}

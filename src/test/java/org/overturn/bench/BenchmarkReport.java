package org.overturn.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParserBenchmark} with few forks and iterations (a few minutes on two cores), then rewrites the
 * parse section of BENCHMARKS.md with the numbers, the command, the date and the machine.
 *
 * <p>{@code ./mvnw -B -Pbench test-compile exec:java}; {@code -Dbench.forks}, {@code -Dbench.warmups} and
 * {@code -Dbench.iterations} override the defaults (1, 2, 5).
 */
public final class BenchmarkReport {

    static final String START = "<!-- parse:start -->";
    static final String END = "<!-- parse:end -->";
    static final String COMMAND = "./mvnw -B -Pbench test-compile exec:java";
    private static final String HEAP = "-Xmx4g";
    private static final String OURS = "overturnStaedi";
    private static final String PEER = "imswebX12Parser";

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        int forks = Integer.getInteger("bench.forks", 1);
        int warmups = Integer.getInteger("bench.warmups", 2);
        int iterations = Integer.getInteger("bench.iterations", 5);
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        exposeClasspathToForks();

        Path directory = Files.createTempDirectory("overturn-bench");
        Path file = ParserBenchmark.generate(directory);
        try {
            long bytes = Files.size(file);
            Options options = new OptionsBuilder()
                    .include(ParserBenchmark.class.getName() + "\\.")
                    .param("file", file.toString())
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
            String section = section(results, bytes, forks, warmups, iterations, loadBefore, loadAfter);
            rewrite(report, section);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    private static String section(Collection<RunResult> results, long bytes, int forks, int warmups,
                                  int iterations, double loadBefore, double loadAfter) {
        Measured ours = measured(results, OURS);
        Measured peer = measured(results, PEER);
        int claims = ParserBenchmark.SETTINGS.claimCount();
        double megabytes = bytes / 1_000_000.0;
        StringBuilder text = new StringBuilder();
        text.append(START).append('\n');
        text.append("## Parsing an 835: Overturn vs imsweb x12-parser\n\n");
        text.append(String.format(Locale.ROOT, "One generated 005010X221A1 file: %,d claims in %d transaction sets "
                        + "and %d interchanges, %.1f MB (`ParserBenchmark.SETTINGS`, seed %d). Each parser reads it "
                        + "from disk (page cache) into its own model: Overturn's `RemittanceParser.standard()` "
                        + "(StAEDI, streaming, typed records) and imsweb's `X12Reader(ANSI835_5010_X221, file)` "
                        + "(loop tree).%n%n",
                claims, ParserBenchmark.SETTINGS.transactionCount(), ParserBenchmark.SETTINGS.interchangeCount(),
                megabytes, ParserBenchmark.SETTINGS.seed()));
        text.append("| parser | ms per file (± 99.9% CI) | MB/s | claims/s | allocated per parse |\n");
        text.append("|---|---:|---:|---:|---:|\n");
        row(text, "Overturn (StAEDI)", ours, megabytes, claims);
        row(text, "imsweb x12-parser 1.13", peer, megabytes, claims);
        text.append(String.format(Locale.ROOT, "%nThroughput ratio ours/peer: **%.2f×** (imsweb time ÷ Overturn "
                + "time).%n%n", peer.millis() / ours.millis()));
        text.append("- Command: `").append(COMMAND).append("`\n");
        text.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append('\n');
        text.append("- Machine: ").append(machine()).append('\n');
        text.append(String.format(Locale.ROOT, "- JMH 1.37, single-shot time per parse, %d fork(s), %d warm-up and "
                        + "%d measured parses per parser, forks run with `-Xms4g %s`; MB = 10^6 bytes; allocation "
                        + "from JMH's GC profiler (`gc.alloc.rate.norm`).%n",
                forks, warmups, iterations, HEAP));
        text.append(String.format(Locale.ROOT, "- Indicative only: the machine may be shared with other builds; "
                + "1-minute load average %.1f before and %.1f after the run.%n", loadBefore, loadAfter));
        text.append(END).append('\n');
        return text.toString();
    }

    static void row(StringBuilder text, String name, Measured measured, double megabytes, int claims) {
        double seconds = measured.millis() / 1000.0;
        String error = Double.isNaN(measured.error()) ? "n/a" : String.format(Locale.ROOT, "%,.0f", measured.error());
        text.append(String.format(Locale.ROOT, "| %s | %,.0f ± %s | %.1f | %,.0f | %,.0f MB |%n", name,
                measured.millis(), error, megabytes / seconds, claims / seconds,
                measured.allocatedBytes() / 1_000_000.0));
    }

    static Measured measured(Collection<RunResult> results, String method) {
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().endsWith("." + method)) {
                Result<?> primary = result.getPrimaryResult();
                Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
                return new Measured(primary.getScore(), primary.getScoreError(),
                        allocation == null ? Double.NaN : allocation.getScore());
            }
        }
        throw new IllegalStateException("no result for " + method);
    }

    public static String machine() {
        Runtime runtime = Runtime.getRuntime();
        String memory = "";
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = String.format(Locale.ROOT, ", %.0f GB RAM", os.getTotalMemorySize() / 1e9);
        }
        return runtime.availableProcessors() + " cores" + memory + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.vendor") + ")";
    }

    static void rewrite(Path report, String section) throws IOException {
        rewrite(report, START, END, section);
    }

    /** Replaces the section between the markers, keeping the rest of the file; creates the file when missing. */
    public static void rewrite(Path report, String startMarker, String endMarker, String section) throws IOException {
        String content = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nMeasured numbers, each section rewritten by the tool named in it.\n\n";
        int start = content.indexOf(startMarker);
        int end = content.indexOf(endMarker);
        String updated;
        if (start >= 0 && end > start) {
            int after = end + endMarker.length();
            if (after < content.length() && content.charAt(after) == '\n') {
                after++;
            }
            updated = content.substring(0, start) + section + content.substring(after);
        } else {
            updated = content + (content.endsWith("\n") ? "" : "\n") + section;
        }
        Files.writeString(report, updated, StandardCharsets.UTF_8);
    }

    /**
     * Under {@code exec:java} the project classes sit in a class loader, not on {@code java.class.path}, which
     * is where JMH takes the classpath of its forked JVMs from.
     */
    static void exposeClasspathToForks() throws URISyntaxException {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            if (!entries.isEmpty()) {
                System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
            }
        }
    }

    /** JMH's score and 99.9% confidence half-width (NaN with one sample) in ms, and bytes allocated per parse. */
    record Measured(double millis, double error, double allocatedBytes) {
    }
}

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
 * {@code -Dbench.iterations} override the defaults (1, 2, 5). {@code -Dbench.before=DIR} also measures the parser of
 * an earlier build ({@code DIR} is its {@code target/classes}; {@code -Dbench.before.label} says which build it is)
 * in the same run, so that before and after meet the same machine load.
 */
public final class BenchmarkReport {

    static final String START = "<!-- parse:start -->";
    static final String END = "<!-- parse:end -->";
    static final String COMMAND = "./mvnw -B -Pbench test-compile exec:java";
    private static final String HEAP = "-Xmx4g";
    private static final String OURS = "overturn";
    private static final String BEFORE = "overturnBefore";
    private static final String PEER = "imswebX12Parser";
    /** Issue 20's aims for this parse. */
    private static final double AIM_MB_PER_SECOND = 40;
    private static final double AIM_RATIO_TO_PEER = 10;
    private static final double AIM_ALLOCATION_PER_BYTE = 10;

    /**
     * Where the time and the allocation went, from Java Flight Recorder on this file (not rewritten by a run: a
     * profile is taken by hand, see the command in it).
     */
    static final String PROFILE = """
            - Profile (JFR, 2026-12-06, `jdk.ExecutionSample` every 10 ms and `jdk.ObjectAllocationSample` over six to \
            eight parses in one JVM, `-XX:StartFlightRecording=settings=<those two events>`, read with \
            `jdk.jfr.consumer.RecordingFile`; CPU and allocation per parse from the parsing thread's own counters). \
            Before (StAEDI 1.26 events; 1.3 s of CPU and 1,031 MB per parse): time went to (1) StAEDI's lexer state \
            machine and the closure it queues per event, 35% of samples (`Lexer.parse`, `addElementEvent`, `nextEvent`), \
            (2) decoding UTF-8 one character at a time through a `CharsetDecoder`, 18%, (3) its event queues \
            (`ProxyEventHandler`, `StreamEvent`, `LinkedList`), 13%, (4) the 835 model itself (our envelope, loops and \
            records), 12%, (5) a String per segment id, 8%. Allocation went to (1) one lambda object per event, 29%, (2) \
            `LinkedList` nodes of StAEDI's event queues, 25%, (3) `Object[]` copies of those queues, 11%, (4) element \
            names (`CLP03`) made for length checks that passed, 8%, (5) segment-id Strings, 4%. StAEDI's reader is \
            replaced by `x12.SegmentStream`, which reads X12 from a byte buffer with a table of delimiters, accepting \
            and refusing what StAEDI did (20,000 damaged files compared, same outcome and segment for each); element \
            names, joined modifiers and empty collections are made only when needed. After (0.19 s of CPU, 115 MB/s, and \
            184 MB per parse when the machine is not oversubscribed): time goes to (1) splitting the bytes into segments \
            and elements, 43% (`SegmentStream`, of which 12% is `InterchangeStream` passing the bytes on while it \
            watches for the next ISA), (2) Strings for the values kept, 14% (`Segment.trimmed`, `ShortValues`), (3) the \
            records' immutable copies of their maps and lists, 9%, (4) amounts, 7% (`X12Number`, `BigDecimal`), (5) the \
            loop builders and records, the rest; allocation is the model: Strings 21%, `BigDecimal` 14%, maps and their \
            copies 22%, the records, `LocalDate`s. The wall times in the table are longer than that CPU time because the \
            run shared 2 cores at a load average near 30: the 40 MB/s aim is met in CPU time and not in this run's wall \
            time.
            """;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        String before = System.getProperty("bench.before", "");
        String beforeLabel = System.getProperty("bench.before.label", "an earlier build");
        int forks = Integer.getInteger("bench.forks", 1);
        int warmups = Integer.getInteger("bench.warmups", 2);
        int iterations = Integer.getInteger("bench.iterations", 5);
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        exposeClasspathToForks();

        Path directory = Files.createTempDirectory("overturn-bench");
        Path file = ParserBenchmark.generate(directory);
        try {
            long bytes = Files.size(file);
            String methods = before.isEmpty() ? OURS + "|" + PEER : OURS + "|" + BEFORE + "|" + PEER;
            Options options = new OptionsBuilder()
                    .include(ParserBenchmark.class.getName() + "\\.(" + methods + ")$")
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
            String section = section(results, bytes, forks, warmups, iterations, loadBefore, loadAfter,
                    before.isEmpty() ? null : beforeLabel);
            rewrite(report, section);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    private static String section(Collection<RunResult> results, long bytes, int forks, int warmups,
                                  int iterations, double loadBefore, double loadAfter, String beforeLabel) {
        Measured ours = measured(results, OURS);
        Measured peer = measured(results, PEER);
        Measured earlier = beforeLabel == null ? null : measured(results, BEFORE);
        int claims = ParserBenchmark.SETTINGS.claimCount();
        double megabytes = bytes / 1_000_000.0;
        StringBuilder text = new StringBuilder();
        text.append(START).append('\n');
        text.append("## Parsing an 835: Overturn vs imsweb x12-parser\n\n");
        text.append(String.format(Locale.ROOT, "One generated 005010X221A1 file: %,d claims in %d transaction sets "
                        + "and %d interchanges, %.1f MB (`ParserBenchmark.SETTINGS`, seed %d). Each parser reads it "
                        + "from disk (page cache) into its own model: Overturn's `RemittanceParser.standard()` "
                        + "(streaming over the bytes, typed records) and imsweb's `X12Reader(ANSI835_5010_X221, file)` "
                        + "(loop tree).%n%n",
                claims, ParserBenchmark.SETTINGS.transactionCount(), ParserBenchmark.SETTINGS.interchangeCount(),
                megabytes, ParserBenchmark.SETTINGS.seed()));
        text.append("| parser | ms per file (± 99.9% CI) | MB/s | claims/s | allocated per parse |\n");
        text.append("|---|---:|---:|---:|---:|\n");
        row(text, "Overturn", ours, megabytes, claims);
        if (earlier != null) {
            row(text, "Overturn before: " + beforeLabel, earlier, megabytes, claims);
        }
        row(text, "imsweb x12-parser 1.13", peer, megabytes, claims);
        text.append(String.format(Locale.ROOT, "%nThroughput ratio ours/peer: **%.2f×** (imsweb time ÷ Overturn "
                + "time).", peer.millis() / ours.millis()));
        if (earlier != null) {
            text.append(String.format(Locale.ROOT, " Against the earlier build: %.2f× as fast (%.2f× imsweb then), "
                    + "%.1f× less allocated.", earlier.millis() / ours.millis(), peer.millis() / earlier.millis(),
                    earlier.allocatedBytes() / ours.allocatedBytes()));
        }
        text.append("\n\n");
        text.append(aims(ours, peer, bytes)).append("\n\n");
        text.append("- Command: `").append(COMMAND)
                .append(beforeLabel == null ? "" : " -Dbench.before=<earlier build's target/classes> "
                        + "-Dbench.before.label=<which build>").append("`\n");
        text.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append('\n');
        text.append("- Machine: ").append(machine()).append('\n');
        text.append(String.format(Locale.ROOT, "- JMH 1.37, single-shot time per parse, %d fork(s), %d warm-up and "
                        + "%d measured parses per parser, forks run with `-Xms4g %s`; MB = 10^6 bytes; allocation "
                        + "from JMH's GC profiler (`gc.alloc.rate.norm`).%n",
                forks, warmups, iterations, HEAP));
        text.append(String.format(Locale.ROOT, "- Indicative only: the machine may be shared with other builds; "
                + "1-minute load average %.1f before and %.1f after the run.%n", loadBefore, loadAfter));
        text.append(PROFILE);
        text.append(END).append('\n');
        return text.toString();
    }

    /** Issue 20's aims, each with what this run measured and whether it is met. */
    private static String aims(Measured ours, Measured peer, long bytes) {
        double megabytesPerSecond = bytes / 1_000_000.0 / (ours.millis() / 1000.0);
        double ratio = peer.millis() / ours.millis();
        double allocation = ours.allocatedBytes() / bytes;
        return String.format(Locale.ROOT, "Aims (issue 20): at least %.0f MB/s: %.1f, %s; at least %.0f× imsweb: "
                        + "%.2f×, %s; allocation under %.0f× the file size: %.1f×, %s.",
                AIM_MB_PER_SECOND, megabytesPerSecond, met(megabytesPerSecond >= AIM_MB_PER_SECOND),
                AIM_RATIO_TO_PEER, ratio, met(ratio >= AIM_RATIO_TO_PEER),
                AIM_ALLOCATION_PER_BYTE, allocation, met(allocation < AIM_ALLOCATION_PER_BYTE));
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
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

package org.overturn.letters;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.overturn.bench.BenchmarkReport;

/**
 * Appeal letters rendered per second, template to PDF with embedded fonts, on one thread and on as many
 * threads as cores (what the job executor does when many appeals go out at once). Rewrites the letters
 * section of BENCHMARKS.md.
 *
 * <p>{@code ./mvnw -B -Pbench test-compile exec:java -Dbench.main=org.overturn.letters.LetterRenderingBenchmark}
 */
public final class LetterRenderingBenchmark {

    static final String START = "<!-- letters:start -->";
    static final String END = "<!-- letters:end -->";

    private LetterRenderingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int letters = Integer.getInteger("bench.letters", 600);
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        LetterRenderer renderer = new LetterRenderer(new LetterTemplates(LetterRendererTest.properties(null)));
        LetterFacts facts = LetterRendererTest.facts("The session note records 55 minutes of psychotherapy.\n\n"
                + "The patient's PHQ-9 was 21 at intake and 17 on the date of service.", false, true);
        List<String> templates = List.of("medical-necessity", "authorization", "timely-filing", "benefit-limit",
                "non-covered", "coding-correction", "credentialing", "coordination-of-benefits", "reconsideration");
        for (int i = 0; i < 200; i++) {
            renderer.render(templates.get(i % templates.size()), "87726", facts);
        }
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < letters; i++) {
            bytes += renderer.render(templates.get(i % templates.size()), "87726", facts).pdf().length;
        }
        double oneThread = letters / ((System.nanoTime() - start) / 1e9);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < letters; i++) {
            String template = templates.get(i % templates.size());
            work.add(pool.submit(() -> renderer.render(template, "87726", facts)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double allThreads = letters / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();

        String section = String.join("\n",
                START,
                "## Appeal letters: template to PDF",
                "",
                String.format(Locale.ROOT, "%,d letters over the nine appeal templates (Freemarker HTML, openhtmltopdf with "
                        + "embedded DejaVu Serif, %,.0f KB average), after 200 warm-up renders. "
                        + "Aim: 20 letters/s on 2 cores.", letters, bytes / 1024.0 / letters),
                "",
                "| threads | letters/s |",
                "|---:|---:|",
                String.format(Locale.ROOT, "| 1 | %.1f |", oneThread),
                String.format(Locale.ROOT, "| %d | %.1f |", threads, allThreads),
                "",
                "- Command: `./mvnw -B -Pbench test-compile exec:java -Dbench.main=org.overturn.letters.LetterRenderingBenchmark`",
                "- Date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                "- Machine: " + BenchmarkReport.machine() + String.format(Locale.ROOT, "; load average %.1f at the end",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                END) + "\n";
        BenchmarkReport.rewrite(report, START, END, section);
        System.out.println(section);
    }
}

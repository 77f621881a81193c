package org.overturn.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.overturn.OverturnApplication;
import org.overturn.security.CurrentUser;
import org.overturn.workflow.LifecycleStarts;
import org.overturn.worklist.WorkItems;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The appeals queue's first page with 100,000 open tasks: denials are seeded with SQL (their 835s are not
 * the point here), each gets its real process through {@link LifecycleStarts#start}, the job executor carries
 * them to their first task, then the listing is timed as a biller calls it.
 * Run: {@code ./mvnw -B -Pbench test-compile exec:java -Dbench.main=org.overturn.bench.QueueListingBenchmark}.
 */
public final class QueueListingBenchmark {

    static final String START = "<!-- queue:start -->";
    static final String END = "<!-- queue:end -->";
    static final int TASKS = Integer.getInteger("bench.tasks", 100_000);

    private QueueListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path work = Files.createTempDirectory("overturn-queue-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OverturnApplication.class)
                .profiles("test")
                .properties("overturn.data-dir=" + work.resolve("data"), "logging.level.root=warn",
                        "logging.level.org.overturn=warn", "camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                        "server.port=0")
                .run()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<Long> denials = seedDenials(jdbc, TASKS);
            var processes = app.getBean(LifecycleStarts.class);
            var transactions = app.getBean(TransactionTemplate.class);
            long t0 = System.nanoTime();
            for (int from = 0; from < denials.size(); from += 500) {
                List<Long> batch = denials.subList(from, Math.min(denials.size(), from + 500));
                transactions.executeWithoutResult(status -> batch.forEach(processes::start));
            }
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            ManagementService management = app.getBean(ManagementService.class);
            while (management.createJobQuery().executable().messages().count() > 0) {
                Thread.sleep(500);
            }
            double allTasksSeconds = (System.nanoTime() - t0) / 1e9;
            long open = app.getBean(TaskService.class).createTaskQuery().count();
            jdbc.execute("analyze");

            var work2 = app.getBean(WorkItems.class);
            var biller = new CurrentUser("bench", Set.of("biller"), Set.of("appeals"));
            // the bench user works every practice, as the office's billers do; without an assignment it would see no
            // task, and the listing would measure a scan that finds nothing
            jdbc.update("insert into practice_assignment (user_id, practice_id) values ('bench', null) on conflict do nothing");
            if (work2.tasksOf("appeals", biller, 0, 50).items().size() < 50) {
                throw new IllegalStateException("the bench user sees less than a page of appeals");
            }
            double[] firstPage = time(() -> work2.tasksOf("appeals", biller, 0, 50), 200);
            double[] deepPage = time(() -> work2.tasksOf("appeals", biller, 100, 50), 50);
            double[] summary = time(() -> work2.queues(biller), 50);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            // pages take no HTTP Basic: the demo admin signs in once through the login form, as a browser does
            session = org.overturn.WebClient.anonymous(port).as("admin").cookie();
            long someDenial = denials.get(denials.size() / 2);
            double[] queuePage = time(() -> page(port, "/queues/appeals"), 50);
            // a claim and a release before each call: the queue's filter choices are read again, as after any
            // change to a task
            TaskService taskService = app.getBean(TaskService.class);
            String someTask = taskService.createTaskQuery().taskCandidateGroup("appeals").listPage(0, 1).get(0).getId();
            double[] queuePageAfterChange = time(() -> {
                taskService.setAssignee(someTask, "bench");
                taskService.setAssignee(someTask, null);
            }, () -> page(port, "/queues/appeals"), 20);
            double[] denialPage = time(() -> page(port, "/denials/" + someDenial), 50);
            double[] dashboard = time(() -> page(port, "/dashboard"), 20);

            String section = String.join("\n",
                    START,
                    "## The appeals queue at 100,000 open tasks",
                    "",
                    String.format(Locale.ROOT, "%,d appealable denials (seeded with SQL), each with its real `denial-lifecycle` "
                            + "process: started in %.0f s (%,.0f/s) and all at *Prepare appeal* after %.0f s (%,.0f tasks/s "
                            + "through the job executor). %,d open tasks.", denials.size(), startSeconds,
                            denials.size() / startSeconds, allTasksSeconds, denials.size() / allTasksSeconds, open),
                    "",
                    "| call | median | p95 |",
                    "|---|---:|---:|",
                    String.format(Locale.ROOT, "| first page (`GET /api/queues/appeals/tasks`: 50 by priority, with denials) | %.1f ms | %.1f ms |", firstPage[0], firstPage[1]),
                    String.format(Locale.ROOT, "| page 101 | %.1f ms | %.1f ms |", deepPage[0], deepPage[1]),
                    String.format(Locale.ROOT, "| queue summary (`GET /api/queues`: counts, overdue, dollars) | %.1f ms | %.1f ms |", summary[0], summary[1]),
                    String.format(Locale.ROOT, "| queue page `/queues/appeals` over HTTP, rendered (its filter choices kept a few seconds) | %.1f ms | %.1f ms |", queuePage[0], queuePage[1]),
                    String.format(Locale.ROOT, "| the same right after a task changed (filter choices read again) | %.1f ms | %.1f ms |", queuePageAfterChange[0], queuePageAfterChange[1]),
                    String.format(Locale.ROOT, "| denial page `/denials/{id}` over HTTP, rendered | %.1f ms | %.1f ms |", denialPage[0], denialPage[1]),
                    String.format(Locale.ROOT, "| dashboard `/dashboard` over HTTP (all KPIs, 100,000 denials) | %.1f ms | %.1f ms |", dashboard[0], dashboard[1]),
                    "",
                    "- Command: `./mvnw -B -Pbench test-compile exec:java -Dbench.main=org.overturn.bench.QueueListingBenchmark`",
                    "- Date: " + java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    "- Machine: " + BenchmarkReport.machine() + String.format(Locale.ROOT, "; load average %.1f at the end",
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                    END) + "\n";
            BenchmarkReport.rewrite(report, START, END, section);
        }
    }

    /** One file, one remittance, and one appealable medical-necessity denial per claim payment. */
    private static List<Long> seedDenials(JdbcTemplate jdbc, int count) {
        // every remittance and denial belongs to a practice (V34): the first demo practice's
        long practice = org.overturn.TestPractices.first(jdbc);
        jdbc.update("insert into remittance_file (id, file_name, sha256, size_bytes, source, received_at, transaction_count, claim_count) "
                + "values (999999, 'seed', 'seed', 0, 'BENCH', now(), 1, ?)", count);
        jdbc.update("insert into remittance (id, file_id, control_number, payer_name, payer_id, payment_amount, trace_number, balanced, "
                + "practice_id) values (999999, 999999, '0001', 'SEED HEALTH', 'SEED', 0, 'SEED-TRACE', true, ?)", practice);
        jdbc.update("""
                insert into claim_payment (id, remittance_id, position, patient_control_number, status, charge, paid,
                                           patient_responsibility, filing_indicator)
                select 1000000 + g, 999999, g, 'SEED-' || g, '4', 100 + (g % 900), 0, 0, '12'
                  from generate_series(1, ?) g
                """, count);
        jdbc.update("""
                insert into denial (id, claim_payment_id, kind, primary_reason, root_cause, queue, correctable,
                                    appealable, explanation, amount_at_risk, part2, status, payer_id, payer_name,
                                    patient_control_number, remittance_date, detected_at, appeal_due_date, priority,
                                    practice_id)
                select 1000000 + g, 1000000 + g, 'FULL', '50', 'MEDICAL_NECESSITY', 'appeals', false, true,
                       'CARC 50: not deemed a medical necessity', 100 + (g % 900), false, 'OPEN', 'SEED',
                       'SEED HEALTH', 'SEED-' || g, current_date - (g % 120), now(),
                       current_date - (g % 120) + 180, g % 101, ?
                  from generate_series(1, ?) g
                """, practice, count);
        return jdbc.queryForList("select id from denial where id > 1000000 order by id", Long.class);
    }

    /** The demo admin's session cookie, signed in through the login form. */
    private static String session;

    /** A page as a browser asks for it (signed in as the demo admin), failing on anything but 200. */
    private static void page(int port, String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Cookie", session)
                    .GET().build();
            var response = CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    private static double[] time(Runnable call, int runs) {
        return time(() -> { }, call, runs);
    }

    /** {@code before} runs ahead of each call, untimed. */
    private static double[] time(Runnable before, Runnable call, int runs) {
        for (int i = 0; i < 10; i++) {
            before.run();
            call.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            before.run();
            long t = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1]};
    }
}

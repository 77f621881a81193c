package org.overturn.intake.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.overturn.workflow.EngineHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Has PostgreSQL refresh its planner statistics (ANALYZE) of the tables a remittance file's denials grow, after a
 * file that outgrew what the planner believes is stored. Autovacuum does the same within a minute or so of a table
 * changing by a tenth; until then the next file is planned against tables taken for a fraction of their size, with
 * value distributions of when they were small. That cost the warm 50,000-claim file of the ingest benchmark 1.5 s
 * of the database's 6 s (BENCHMARKS.md): the engine's message correlation, the open denials a payment may answer
 * and the new tasks' queues were planned as hash joins over every open row. PostgreSQL's manual advises ANALYZE
 * after major changes to a table's contents (https://www.postgresql.org/docs/17/sql-analyze.html; "Populating a
 * Database", https://www.postgresql.org/docs/17/populate.html#POPULATE-ANALYZE); it reads a sample of 30,000 rows
 * a table and takes no lock that stops writers.
 * <p>
 * The refresh runs after the file's commit, on a thread of its own, so the upload's answer does not wait for it,
 * and once the engine has run the file's asynchronous steps (the parity screens that bring its appeals to their
 * queues, for at most {@link #MOST_WAITED}): run beside them, it made them 10% slower. Once the denials on file are
 * {@value #OUTGROWN_RATIO} times a file's, files no longer trigger it and autovacuum's schedule is enough: a file
 * then adds a fifth at most, and autovacuum analyzes a table once a tenth of it has changed. The refresh costs more
 * as the tables grow, and it runs beside the next file: with ten times instead of five, the 1,000,000-claim
 * benchmark refreshed after its first eleven files, 31 s of the database's time, the last ones 3 to 5 s each
 * (BENCHMARKS.md, scale).
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    /** A file with at least 1/this of the denials the planner believes on file outgrows its statistics. */
    static final int OUTGROWN_RATIO = 5;

    /** Files with fewer denials than this change no plan. */
    static final long MIN_DENIALS = 500;

    /**
     * The tables a file's denials grow by the thousand and the next file's intake joins: the denials, their
     * processes and queues, and the engine's runtime tables. The claims' own tables are read by key or through an
     * index on the claim's control number whatever their statistics say, and analyzing the claims took as long as
     * all of these together (0.4 s at 100,000 claims).
     */
    static final List<String> TABLES = List.of("denial", "denial_process", "queue_task", "act_ru_execution",
            "act_ru_event_subscr", "act_ru_task", "act_ru_identitylink", "act_ru_job", "act_ru_variable");

    /** The longest a refresh waits for the engine's due asynchronous steps. */
    static final Duration MOST_WAITED = Duration.ofMinutes(2);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(500);

    private final JdbcTemplate jdbc;
    private final BooleanSupplier engineBusy;
    private final Duration mostWaited;
    private final Duration lookAgain;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "planner-statistics");
        thread.setDaemon(true);
        return thread;
    });
    /** A refresh is queued and has not started: a file committed now is in what it will read. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Refreshes waiting for the engine or running: see {@link #isIdle}. */
    private final AtomicInteger inFlight = new AtomicInteger();

    @Autowired
    PlannerStatistics(JdbcTemplate jdbc, EngineHealth engine) {
        this(jdbc, engine::hasStepsDue, MOST_WAITED, LOOK_AGAIN);
    }

    PlannerStatistics(JdbcTemplate jdbc, BooleanSupplier engineBusy, Duration mostWaited, Duration lookAgain) {
        this.jdbc = jdbc;
        this.engineBusy = engineBusy;
        this.mostWaited = mostWaited;
        this.lookAgain = lookAgain;
    }

    /** After a file with {@code denials} new denials has committed: refreshes the statistics if it outgrew them. */
    public void afterFile(long denials) {
        if (denials < MIN_DENIALS) {
            return;
        }
        // the planner's own belief of the denials on file: -1 for a table never analyzed
        Double believed = jdbc.queryForObject("select reltuples::float8 from pg_class where oid = 'denial'::regclass",
                Double.class);
        if (!outgrows(denials, believed == null ? -1 : believed) || queued.getAndSet(true)) {
            return;
        }
        inFlight.incrementAndGet();
        refresher.execute(() -> {
            try {
                if (awaitEngine()) {
                    queued.set(false);
                    refresh(denials);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /**
     * Whether no refresh is waiting or running: the ingest benchmark measures each file on a quiet server, without
     * the previous file's refresh beside it (BENCHMARKS.md, ingest).
     */
    public boolean isIdle() {
        return inFlight.get() == 0;
    }

    static boolean outgrows(long denials, double believedOnFile) {
        return denials >= MIN_DENIALS && (believedOnFile < 0 || denials * OUTGROWN_RATIO >= believedOnFile);
    }

    /** False when the server is stopping. */
    private boolean awaitEngine() {
        long until = System.nanoTime() + mostWaited.toNanos();
        try {
            while (engineBusy.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(lookAgain.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            // the engine's tables unreadable for a moment: refresh now rather than not at all
            log.debug("Could not ask the engine for due steps: {}", e.getMessage());
        }
        return true;
    }

    private void refresh(long denials) {
        long started = System.nanoTime();
        try {
            jdbc.execute("analyze " + String.join(", ", TABLES));
            log.info("Refreshed the planner's statistics of {} tables after a file of {} denials, in {} ms",
                    TABLES.size(), denials, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // autovacuum does the same later; a database user that may not analyze (not the tables' owner) only
            // loses the earlier refresh
            log.warn("Could not refresh the planner's statistics after a large file: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}

package org.overturn.demo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.PriorityQueue;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's way into the past. The local run's application clock follows the engine clock
 * ({@code system.ClockConfiguration}), so setting the engine clock ({@link ClockUtil}) to a past moment makes
 * everything done at that moment carry that date: the engine's task, timer and history times and the
 * application's own stamps (denial detected, claim corrected, appeal sent, denial closed, audit events).
 * <p>
 * While the past is replayed the job executor is held and this class plays it: before each event, every job
 * due by then runs at the moment it is due (a timer at its due date, an async step at once), one at a time,
 * so an SLA breach or a follow-up is dated when it would have happened and nothing races the replay. When
 * the replay is over the clock is the system's again and the job executor takes over the timers still to come.
 * (The engine clock is the JVM's: a page opened during the replay sees the replayed day.)
 */
final class Timeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Timeline.class);
    /** A replay that keeps creating jobs is a bug, not a busy clinic. */
    private static final int MAX_JOBS = 200_000;

    private record Event(Instant at, long order, Runnable action) {
    }

    private final ManagementService management;
    private final JobExecutor jobExecutor;
    private final boolean jobExecutorWasActive;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            java.util.Comparator.comparing(Event::at).thenComparingLong(Event::order));
    private long scheduled;
    /** When the jobs were last run, the earliest due date of those left (null: none left). */
    private Instant nextJobDue;
    private boolean nextJobKnown;
    private int jobsRun;
    private int jobsFailed;
    private Instant now;

    Timeline(ProcessEngine engine, Instant start) {
        this.management = engine.getManagementService();
        this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        this.jobExecutorWasActive = jobExecutor != null && jobExecutor.isActive();
        if (jobExecutorWasActive) {
            jobExecutor.shutdown();
        }
        setClock(start);
    }

    Instant now() {
        return now;
    }

    /** Something that happens at that moment; events at the same moment happen in the order they were added. */
    void at(Instant moment, Runnable action) {
        events.add(new Event(moment.isBefore(now) ? now : moment, scheduled++, action));
    }

    /**
     * Plays the events and the jobs due before {@code end}, in time order, calling {@code afterEach} after every
     * event (to notice what it changed); events set for {@code end} or later are dropped.
     */
    void runUntil(Instant end, Runnable afterEach) {
        while (!events.isEmpty() && events.peek().at().isBefore(end)) {
            Event event = events.poll();
            if (nextJobKnown && (nextJobDue == null || event.at().isBefore(nextJobDue))) {
                // no job is due before the event (only an event makes new ones): the clock moves on alone
                setClock(event.at());
            } else {
                runJobsUntil(event.at());
            }
            event.action().run();
            nextJobKnown = false;
            runJobsUntil(now);
            afterEach.run();
        }
        events.clear();
        runJobsUntil(end);
        afterEach.run();
    }

    int jobsRun() {
        return jobsRun;
    }

    int jobsFailed() {
        return jobsFailed;
    }

    /** Back to the system clock, and the job executor carries on from here. */
    @Override
    public void close() {
        ClockUtil.reset();
        if (jobExecutorWasActive) {
            jobExecutor.start();
        }
    }

    /** Runs every job due by {@code moment}, each at the time it is due, then moves the clock to the moment. */
    private void runJobsUntil(Instant moment) {
        nextJobKnown = false;
        while (jobsRun + jobsFailed < MAX_JOBS) {
            List<Job> ready = management.createJobQuery().executable().active().orderByJobDuedate().asc().list();
            if (!ready.isEmpty()) {
                ready.forEach(this::execute);
                continue;
            }
            // nothing due now: the earliest job still waiting is a timer or a retry, due later
            List<Job> next = management.createJobQuery().active().withRetriesLeft().orderByJobDuedate().asc()
                    .listPage(0, 1);
            Instant due = next.isEmpty() || next.get(0).getDuedate() == null ? null
                    : next.get(0).getDuedate().toInstant();
            if (due == null || due.isAfter(moment)) {
                nextJobDue = due;
                nextJobKnown = true;
                break;
            }
            setClock(due.isAfter(now) ? due : now);
        }
        if (moment.isAfter(now)) {
            setClock(moment);
        }
    }

    private void execute(Job job) {
        try {
            management.executeJob(job.getId());
            jobsRun++;
        } catch (ProcessEngineException e) {
            // the engine counts the failure down and retries the job later, as its executor would; an earlier
            // job may also have removed this one (its process moved on)
            if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                jobsFailed++;
                log.warn("Demo: job {} ({}) failed: {}", job.getId(), job.getJobDefinitionId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void setClock(Instant moment) {
        now = moment;
        ClockUtil.setCurrentTime(Date.from(moment));
    }
}

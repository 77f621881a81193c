package org.overturn.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor find due jobs through an index instead of reading the whole job table. Every open task
 * carries an SLA timer, so the table holds a timer for each of them, almost all due days ahead. The engine's
 * acquisition query, run every few milliseconds while a file's denials start, asks for jobs "without a due date or
 * due now" in no order, which no index answers: it read every timer each time (6.8 ms a query with 12,000 open
 * tasks, 62% of the database's time while a file's denials reached their tasks, and growing with the open tasks).
 * <p>
 * So every job gets a due date when it is created (the engine's {@code ensureJobDueDateNotNull}: an asynchronous
 * continuation is due at once), jobs are fetched in due-date order ({@code jobExecutorAcquireByDueDate}: the
 * oldest first, which is also fair) within their priority (below), {@value #PRIORITY_INDEX} serves that order, and
 * {@value #INDEX} on the due date alone serves the dashboard's count of overdue jobs. The indexes are created here,
 * after the engine has created or updated its tables (so they cannot be a Flyway migration) and before the job
 * executor starts. Jobs written without a due date by an earlier version are given their creation time, or they
 * would never be fetched.
 * <p>
 * Jobs are fetched by priority first ({@code jobExecutorAcquireByPriority}), through {@value #PRIORITY_INDEX}. Every
 * asynchronous continuation of the process models has priority 10 ({@code camunda:jobPriority}), timers the default
 * 0: work that moves (a parity screen that brings a new appeal to its queue, a letter rendered or sent) goes before
 * the timers that came due meanwhile. An old remittance's appeal-deadline timers are already due when its denials
 * start (three for each then; one now, when the deadline has passed); taken oldest first, they ran before a file's
 * parity screens and parity letters, and 2,763 denials reached their queues at 111 a second (issue 20). A continuation is due at once, so the index scan meets the
 * due ones first; only a failed one waiting for its retry is passed over.
 * <p>
 * The same query leaves out an exclusive job whose process instance has another exclusive job running ("locked and
 * not expired"). No index answered that either, so PostgreSQL read the whole job table once per acquisition to
 * collect the running ones: 21 ms a query with 17,000 jobs (the SLA timers of the open tasks), run thousands of times
 * while an old remittance's due timers were worked off. {@value #LOCKED_INDEX} holds only the locked jobs, a few
 * dozen at a time, so that part reads a few dozen index entries (0.2 ms a query, the same table).
 */
@Component
class JobAcquisitionOrder extends AbstractProcessEnginePlugin {

    static final String INDEX = "ix_overturn_job_due_date";
    static final String PRIORITY_INDEX = "ix_overturn_job_priority_due_date";
    static final String LOCKED_INDEX = "ix_overturn_job_locked";

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionOrder.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
        configuration.setJobExecutorAcquireByPriority(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            int dated = statement.executeUpdate("update " + table
                    + " set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null");
            if (dated > 0) {
                log.info("Gave {} job(s) without a due date their creation time, so the job executor fetches them",
                        dated);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give due dates to the jobs without one", e);
        }
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + INDEX + " on " + table + " (DUEDATE_)");
            statement.execute("create index if not exists " + PRIORITY_INDEX + " on " + table
                    + " (PRIORITY_ desc, DUEDATE_)");
            statement.execute("create index if not exists " + LOCKED_INDEX + " on " + table
                    + " (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // a database user without the right to create indexes: jobs are still found, only more slowly
            log.warn("Could not create the job due-date index {} ({}); see README, Running in production", INDEX,
                    e.getMessage());
        }
    }
}

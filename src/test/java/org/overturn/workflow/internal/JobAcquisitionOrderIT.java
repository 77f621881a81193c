package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle;
import org.overturn.workflow.LifecycleProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The job executor finds due jobs through the due-date index, whatever else waits in the job table. */
@LifecycleProcessTest
class JobAcquisitionOrderIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JobAcquisitionOrder plugin;

    @Test
    void everyJobIsDueWhenCreatedAndTheOldestAreFetchedFirst() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();

        // an appealable denial's parity screen runs asynchronously: its job is written with the process (the job
        // executor is off in process tests, so it stays)
        String process = runtime.startProcessInstanceByKey(DenialLifecycle.PROCESS_KEY, "job-order-test",
                java.util.Map.of("rootCause", "MEDICAL_NECESSITY", "correctable", false, "appealable", true,
                        "path", "APPEAL")).getId();
        try {
            Job job = management.createJobQuery().processInstanceId(process).singleResult();
            assertThat(job.getDuedate()).isNotNull();
            // the parity screen brings the appeal to its queue: ahead of timers that are due as well
            assertThat(job.getPriority()).isEqualTo(10);
        } finally {
            runtime.deleteProcessInstance(process, "test", true, true);
        }
    }

    @Test
    void theEngineInsertsThroughTheEntityManagerThatChecksIdsWithoutWritingRowsOut() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getSessionFactories()
                .get(org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.class))
                .isInstanceOf(LazyInsertIdCheck.Factory.class);
        org.camunda.bpm.engine.impl.interceptor.Command<Class<?>> entityManager =
                context -> context.getDbEntityManager().getClass();
        assertThat(configuration.getCommandExecutorTxRequired().execute(entityManager))
                .isEqualTo(LazyInsertIdCheck.EntityManager.class);
    }

    @Test
    void dueJobsAreFoundThroughTheIndexAmongThousandsOfTimersDueLater() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class,
                JobAcquisitionOrder.INDEX)).singleElement().asString().containsIgnoringCase("(duedate_)");
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class,
                JobAcquisitionOrder.PRIORITY_INDEX)).singleElement().asString()
                .containsIgnoringCase("(priority_ desc, duedate_)");
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class,
                JobAcquisitionOrder.LOCKED_INDEX)).singleElement().asString()
                .containsIgnoringCase("(lock_exp_time_)").containsIgnoringCase("where (lock_owner_ is not null)");

        // thousands of SLA timers due in the coming days, a few jobs due now and a few running (locked by a job
        // executor), as while a file's denials start; rolled back, statistics included
        List<String> plan = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, handler_type_, suspension_state_,
                                            duedate_, create_time_, priority_, process_instance_id_, lock_owner_,
                                            lock_exp_time_)
                    select 'plan-test-' || n, 1, case when n % 500 = 0 then 'message' else 'timer' end, true, 3,
                           case when n % 500 = 0 then 'async-continuation' else 'timer-transition' end, 1,
                           case when n % 500 = 0 then now() - interval '1 second'
                                when n % 100 = 0 then now() - interval '200 days'
                                else now() + interval '3 days' end,
                           now(), case when n % 500 = 0 then 10 else 0 end, 'plan-test-process-' || n,
                           case when n % 1000 = 1 then 'node-1' end,
                           case when n % 1000 = 1 then now() + interval '5 minutes' end
                      from generate_series(1, 20000) n
                    """);
            jdbc.execute("analyze act_ru_job");
            // the engine's acquisition query as it reads with the three settings on (Job.xml, selectNextJobsToExecute;
            // JobManager orders by priority, then due date)
            return jdbc.queryForList("""
                    explain select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
                      from ACT_RU_JOB RES
                     where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= now())
                       and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
                       and ((RES.EXCLUSIVE_ = true and not exists (
                              select J2.ID_ from ACT_RU_JOB J2
                               where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.LOCK_OWNER_ is not null
                                 and J2.LOCK_EXP_TIME_ >= now()) and J2.EXCLUSIVE_ = true))
                            or RES.EXCLUSIVE_ = false)
                     order by RES.PRIORITY_ desc, RES.DUEDATE_ asc
                     limit 10
                    """, String.class);
        });

        assertThat(String.join("\n", plan)).contains("Index Scan using " + JobAcquisitionOrder.PRIORITY_INDEX)
                .doesNotContain("Sort")
                // the running exclusive jobs, which the query leaves out, are read from the index of locked jobs, not
                // by reading the whole table (once per acquisition, 21 ms with 17,000 jobs)
                .contains("Index Scan using " + JobAcquisitionOrder.LOCKED_INDEX)
                .doesNotContain("Seq Scan");
    }

    @Test
    void aDueParityScreenIsFetchedBeforeTimersThatCameDueEarlier() {
        List<String> first = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, handler_type_, suspension_state_,
                                            duedate_, create_time_, priority_)
                    values ('old-timer-1', 1, 'timer', true, 3, 'timer-intermediate-transition', 1,
                            timestamp '1970-01-02 00:00:00', now(), 0),
                           ('old-timer-2', 1, 'timer', true, 3, 'timer-intermediate-transition', 1,
                            timestamp '1970-01-03 00:00:00', now(), 0),
                           ('parity-screen', 1, 'message', true, 3, 'async-continuation', 1, now(), now(), 10)
                    """);
            // the engine's own acquisition query with this engine's settings (JobManager is the engine's impl: there
            // is no public API for what the job executor fetches next); it joins this transaction. The timers are
            // older than any other test's jobs and the page is large, so the three are all fetched, whatever else
            // the shared database holds
            var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            return configuration.getCommandExecutorTxRequired().execute(context -> context.getJobManager()
                    .findNextJobsToExecute(new org.camunda.bpm.engine.impl.Page(0, 10_000)).stream()
                    .map(job -> job.getId())
                    .filter(id -> List.of("old-timer-1", "old-timer-2", "parity-screen").contains(id))
                    .toList());
        });

        assertThat(first).containsExactly("parity-screen", "old-timer-1", "old-timer-2");
    }

    @Test
    void aJobWrittenWithoutADueDateIsGivenItsCreationTimeAtStart() {
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, handler_type_, suspension_state_,
                                        create_time_)
                values ('undated-test', 1, 'message', true, 3, 'async-continuation', 1, timestamp '2026-01-02 03:04:05')
                """);
        try {
            plugin.postProcessEngineBuild(engine);

            assertThat(jdbc.queryForObject("select duedate_ = timestamp '2026-01-02 03:04:05' from act_ru_job "
                    + "where id_ = 'undated-test'", Boolean.class)).isTrue();
        } finally {
            jdbc.update("delete from act_ru_job where id_ = 'undated-test'");
        }
    }
}

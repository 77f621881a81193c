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

        // an appealable denial's parity screen runs asynchronously: its job is written with the process (the job
        // executor is off in process tests, so it stays)
        String process = runtime.startProcessInstanceByKey(DenialLifecycle.PROCESS_KEY, "job-order-test",
                java.util.Map.of("rootCause", "MEDICAL_NECESSITY", "correctable", false, "appealable", true)).getId();
        try {
            Job job = management.createJobQuery().processInstanceId(process).singleResult();
            assertThat(job.getDuedate()).isNotNull();
        } finally {
            runtime.deleteProcessInstance(process, "test", true, true);
        }
    }

    @Test
    void dueJobsAreFoundThroughTheIndexAmongThousandsOfTimersDueLater() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class,
                JobAcquisitionOrder.INDEX)).singleElement().asString().containsIgnoringCase("(duedate_)");

        // thousands of SLA timers due in the coming days and a few jobs due now, as while a file's denials start;
        // rolled back, statistics included
        List<String> plan = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, handler_type_, suspension_state_,
                                            duedate_, create_time_)
                    select 'plan-test-' || n, 1, case when n % 500 = 0 then 'message' else 'timer' end, true, 3,
                           case when n % 500 = 0 then 'async-continuation' else 'timer-transition' end, 1,
                           case when n % 500 = 0 then now() - interval '1 second' else now() + interval '3 days' end,
                           now()
                      from generate_series(1, 20000) n
                    """);
            jdbc.execute("analyze act_ru_job");
            // the engine's acquisition query as it reads with both settings on (Job.xml, selectNextJobsToExecute)
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
                     order by RES.DUEDATE_ asc
                     limit 10
                    """, String.class);
        });

        assertThat(String.join("\n", plan)).contains("Index Scan using " + JobAcquisitionOrder.INDEX);
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

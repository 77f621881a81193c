package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.overturn.demo.GeneratorSettings;
import org.overturn.demo.RemittanceGenerator;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code queue_task}, read by the queue counts and the dashboard's backlog, holds exactly the open tasks the
 * engine has, in each queue it offers them to, through every way a task comes and goes.
 */
@LifecycleProcessTest
class QueueTaskIndexIT {

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LifecycleScenario scenario;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewTaskIsInItsQueueWithItsDenialsDollarsAndDueDate() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));
        Task task = scenario.task(denial, Tasks.CORRECT_CLAIM);

        assertThat(scenario.queueTasks(denial)).singleElement().asString()
                .startsWith(task.getId() + " coding 180.00 ");
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void aCompletedTaskLeavesItsQueueAndTheNextOneArrives() {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "2500.00"));
        String prepare = scenario.task(denial, Tasks.PREPARE_APPEAL).getId();

        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT", "appealArgument", "see notes");

        String approve = scenario.task(denial, Tasks.APPROVE_APPEAL).getId();
        // (a denial this size is also screened for parity: the parity team has a task of its own)
        assertThat(scenario.queueTasks(denial)).anySatisfy(row -> assertThat(row).startsWith(approve + " managers "))
                .noneSatisfy(row -> assertThat(row).contains(prepare));
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void anEscalatedTaskIsInItsQueueAndWithManagers() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));

        scenario.fireSlaTimer(denial, Tasks.CORRECT_CLAIM);

        assertThat(scenario.queueTasks(denial)).hasSize(2).anySatisfy(row -> assertThat(row).contains(" coding "))
                .anySatisfy(row -> assertThat(row).contains(" managers "));
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void aTaskTheProcessDropsBecauseThePayerPaidLeavesItsQueue() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "197", "150.00"));
        assertThat(scenario.queueTasks(denial)).hasSize(1);

        scenario.ingest(Era835.payment(claim, "140.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(scenario.queueTasks(denial)).isEmpty();
        assertThat(scenario.queueTasksOfTheEngine(denial)).isEmpty();
    }

    @Test
    void aDueDateOrQueueChangedInTasklistOrCockpitIsKeptToo() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));
        Task task = scenario.task(denial, Tasks.CORRECT_CLAIM);

        task.setDueDate(new Date(task.getDueDate().getTime() + 86_400_000L));
        tasks.saveTask(task);
        assertKeptAsTheEngineHasIt(denial);

        tasks.addCandidateGroup(task.getId(), "appeals");
        tasks.deleteCandidateGroup(task.getId(), "coding");
        assertThat(scenario.queueTasks(denial)).singleElement().asString().contains(" appeals ");
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void aCancelledProcessTakesItsTasksOutOfTheQueuesEvenSkippingCustomListeners() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));

        scenario.runtime().deleteProcessInstance(denial.processInstanceId(), "cancelled in Cockpit", true);

        assertThat(scenario.queueTasks(denial)).isEmpty();
    }

    @Test
    void aWholeFilesTasksAreInTheirQueuesAsTheEngineHasThem() throws Exception {
        // hundreds of tasks written in the file's one transaction, read into queue_task together before it commits
        var out = new StringWriter();
        new RemittanceGenerator().write(GeneratorSettings.defaults().withSeed(System.nanoTime()).withClaimCount(400)
                .withClaimsPerTransaction(400).withDenialRate(0.6).withReversalRate(0)
                .withPaymentDates(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 4)), out);
        var result = scenario.ingest(out.toString().getBytes(StandardCharsets.US_ASCII));
        long remittance = result.remittances().get(0).remittanceId();
        String ofTheFile = """
                 join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                 join denial d on d.id = dp.denial_id and d.follows_denial_id is null
                 join claim_payment cp on cp.id = d.claim_payment_id and cp.remittance_id = ?
                """;

        var engine = jdbc.queryForList("""
                select t.id_ || ' ' || l.group_id_ || ' ' || d.amount_at_risk || ' ' || coalesce(t.due_date_::text, '-')
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                """ + ofTheFile + " order by 1", String.class, remittance);
        var kept = jdbc.queryForList("""
                select q.task_id || ' ' || q.queue || ' ' || q.amount_at_risk || ' ' || coalesce(q.due_date::text, '-')
                  from queue_task q join act_ru_task t on t.id_ = q.task_id
                """ + ofTheFile + " order by 1", String.class, remittance);
        assertThat(engine).hasSizeGreaterThan(100);
        assertThat(kept).containsExactlyElementsOf(engine);
        // and every denial's queue among the queues it passed through (what lets that queue's billers open it later),
        // recorded once for the file's one insert
        assertThat(jdbc.queryForObject("""
                select count(*) from queue_task q
                  join denial d on d.id = q.denial_id
                  join claim_payment cp on cp.id = d.claim_payment_id and cp.remittance_id = ?
                 where not exists (select 1 from denial_queue_visit v where v.denial_id = q.denial_id and v.queue = q.queue)
                """, Long.class, remittance)).as("tasks whose queue is not among their denial's visits").isZero();
        // the payment's denials start in several engine commands (LifecycleStarts.startAll), each with its process
        assertThat(jdbc.queryForObject("""
                select count(*) from denial d join claim_payment cp on cp.id = d.claim_payment_id
                 where cp.remittance_id = ?""", Long.class, remittance))
                .isGreaterThan((long) LifecycleStarts.STARTS_PER_COMMAND);
        assertThat(jdbc.queryForObject("""
                select count(*) from denial d join claim_payment cp on cp.id = d.claim_payment_id
                 where cp.remittance_id = ? and (select count(*) from denial_process dp
                                                  where dp.denial_id = d.id and dp.kind = 'LIFECYCLE') <> 1
                """, Long.class, remittance)).as("denials without exactly one lifecycle process").isZero();
    }

    @Test
    void tasksInsertedTogetherRecordEachDenialsQueueOnceAndNoneForAPreventionTask() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));
        long denialId = denial.id();
        List<String> before = jdbc.queryForList("select queue from denial_queue_visit where denial_id = ? order by 1",
                String.class, denialId);

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    insert into queue_task (task_id, queue, denial_id, amount_at_risk)
                    values ('visit-test-1', 'parity', ?, 1), ('visit-test-2', 'parity', ?, 1),
                           ('visit-test-3', 'managers', ?, 1), ('visit-test-4', 'authorizations', null, 0)
                    """, denialId, denialId, denialId);
            assertThat(jdbc.queryForList("select queue from denial_queue_visit where denial_id = ? order by 1",
                    String.class, denialId)).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(before.stream(), java.util.stream.Stream.of("managers", "parity"))
                            .distinct().toList());
            assertThat(jdbc.queryForObject("select count(*) from denial_queue_visit where denial_id is null",
                    Long.class)).isZero();
        });
    }

    private void assertKeptAsTheEngineHasIt(Denied denial) {
        assertThat(scenario.queueTasks(denial)).isNotEmpty()
                .containsExactlyElementsOf(scenario.queueTasksOfTheEngine(denial));
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.overturn.denial.WorkQueue;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.worklist.TaskWork;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives denials through the lifecycle the way the product does: an 835 goes in through {@link RemittanceIntake},
 * people complete tasks through {@link WorkItems}, and the test plays the job executor and the clock.
 */
@TestComponent
class LifecycleScenario {

    static final CurrentUser BILLER = new CurrentUser("biller-bea", Set.of(Roles.BILLER),
            Set.of(WorkQueue.CODING, WorkQueue.AUTHORIZATIONS, WorkQueue.ELIGIBILITY, WorkQueue.CREDENTIALING,
                    WorkQueue.APPEALS, WorkQueue.PATIENT_ACCOUNTS));
    static final CurrentUser MANAGER = new CurrentUser("manager-max", Set.of(Roles.MANAGER),
            Set.of(WorkQueue.MANAGERS));

    /** A denial as the test sees it: its id and the process that carries it. */
    record Denied(long id, ProcessInstance process) {
        String processInstanceId() {
            return process.getId();
        }
    }

    static final String TEST_PAYER_EMAIL = "appeals@overturn-test-health.example";

    private static final AtomicInteger CLAIMS = new AtomicInteger();

    private final RemittanceIntake intake;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final TaskWork work;
    private final JdbcTemplate jdbc;

    LifecycleScenario(RemittanceIntake intake, RuntimeService runtime, ManagementService management,
                      TaskService tasks, TaskWork work, JdbcTemplate jdbc) {
        this.intake = intake;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.work = work;
        this.jdbc = jdbc;
    }

    /** A patient control number no other test uses. */
    static String newClaim() {
        return "PCN-" + CLAIMS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** Ingests a file carrying one new denial and runs its process to the first wait state. */
    Denied denial(Era835 era) {
        IntakeResult result = ingest(era.bytes());
        assertThat(result.denials()).as("denials in the file").isEqualTo(1);
        return denialOf(result.remittances().get(0).remittanceId());
    }

    IntakeResult ingest(byte[] file) {
        IntakeResult result = intake.ingest("process-test.835", file, "test", "process-test");
        assertThat(result.outcome()).as("intake of the file: %s", result.error())
                .isEqualTo(IntakeResult.Outcome.STORED);
        // the test payer takes appeals by email (a payer first met in an 835 has no address yet)
        jdbc.update("update payer set appeal_email = ? where id = ? and appeal_email is null", TEST_PAYER_EMAIL,
                Era835.PAYER_ID);
        return result;
    }

    /** The one denial of a stored remittance, with its process run to its first wait state. */
    Denied denialOf(long remittanceId) {
        List<Long> ids = jdbc.queryForList("""
                select d.id from denial d join claim_payment cp on cp.id = d.claim_payment_id
                 where cp.remittance_id = ? order by d.id""", Long.class, remittanceId);
        assertThat(ids).as("denials of remittance %s", remittanceId).hasSize(1);
        return denial(ids.get(0));
    }

    /** A stored denial with its process run to its first wait state. */
    Denied denial(long denialId) {
        String processInstanceId = processOf(denialId);
        // read before running: the instance may end on its way to the first wait state
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        assertThat(process).as("process of denial %s", denialId).isNotNull();
        runJobs(processInstanceId);
        return new Denied(denialId, process);
    }

    RuntimeService runtime() {
        return runtime;
    }

    String processOf(long denialId) {
        return jdbc.queryForObject("select process_instance_id from denial_process where denial_id = ? and kind = 'LIFECYCLE'",
                String.class, denialId);
    }

    List<org.camunda.bpm.engine.runtime.Incident> incidents(String processInstanceId) {
        return runtime.createIncidentQuery().processInstanceId(processInstanceId).list();
    }

    /** Plays the job executor for one process: runs its async continuations until none is left. */
    void runJobs(String processInstanceId) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).messages()
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("process " + processInstanceId + " keeps creating jobs");
    }

    /** Moves the engine clock to the timer's due date and fires it, then runs what follows. */
    void fireTimer(Denied denial, String timerId) {
        Job timer = timer(denial, timerId);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
        runJobs(denial.processInstanceId());
    }

    Job timer(Denied denial, String timerId) {
        Job timer = management.createJobQuery().processInstanceId(denial.processInstanceId()).timers()
                .activityId(timerId).singleResult();
        assertThat(timer).as("timer %s of denial %s", timerId, denial.id()).isNotNull();
        return timer;
    }

    /** Moves the engine clock past the task's SLA and fires its timeout listener, then runs what follows. */
    void fireSlaTimer(Denied denial, String taskKey) {
        Job timer = slaTimer(denial.processInstanceId(), taskKey);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
        runJobs(denial.processInstanceId());
    }

    /**
     * The SLA timer of the open task: the job of its {@code timeout} task listener, which carries the task's own
     * activity id (a boundary timer carries its event's), or null when there is none.
     */
    Job slaTimerOrNull(String processInstanceId, String taskKey) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(taskKey)
                .singleResult();
    }

    Job slaTimer(String processInstanceId, String taskKey) {
        Job timer = slaTimerOrNull(processInstanceId, taskKey);
        assertThat(timer).as("SLA timer of %s in process %s", taskKey, processInstanceId).isNotNull();
        return timer;
    }

    /** How long after now (the engine clock) the task's SLA timer is due. */
    Duration timeUntilSla(Denied denial, String taskKey) {
        return Duration.ofMillis(slaTimer(denial.processInstanceId(), taskKey).getDuedate().getTime()
                - ClockUtil.getCurrentTime().getTime());
    }

    /** How long after now (the engine clock) the timer is due. */
    Duration timeUntil(Denied denial, String timerId) {
        return Duration.ofMillis(timer(denial, timerId).getDuedate().getTime() - ClockUtil.getCurrentTime().getTime());
    }

    Task task(Denied denial, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(denial.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s of denial %s", taskKey, denial.id()).isNotNull();
        return task;
    }

    /** Completes the open task through the worklist, as the person whose queue it is, and runs what follows. */
    void complete(Denied denial, String taskKey, Object... fieldsAndValues) {
        CurrentUser user = Tasks.APPROVE_APPEAL.equals(taskKey) || Tasks.DECIDE_WRITE_OFF.equals(taskKey)
                ? MANAGER : BILLER;
        complete(denial, taskKey, user, fieldsAndValues);
    }

    void complete(Denied denial, String taskKey, CurrentUser user, Object... fieldsAndValues) {
        work.complete(task(denial, taskKey).getId(), form(fieldsAndValues), user);
        runJobs(denial.processInstanceId());
    }

    /** Completes the task and leaves the jobs it created for the test to run one by one. */
    void completeOnly(Denied denial, String taskKey, CurrentUser user, Object... fieldsAndValues) {
        work.complete(task(denial, taskKey).getId(), form(fieldsAndValues), user);
    }

    static Map<String, Object> form(Object... fieldsAndValues) {
        Map<String, Object> form = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return form;
    }

    /** A biller records the payer's decision letter on the appeal. */
    /** As a biller does it: through the work API, which correlates the decision letter to the process. */
    void recordAppealDecision(Denied denial, String decision) {
        work.recordAppealDecision(denial.id(), decision, BILLER);
        runJobs(denial.processInstanceId());
    }

    String status(long denialId) {
        return jdbc.queryForObject("select status from denial where id = ?", String.class, denialId);
    }

    /** Whether the register found the denial correctable and appealable, as the process decided at its start. */
    java.util.Map<String, Object> recoverable(long denialId) {
        return jdbc.queryForMap("select correctable, appealable from denial where id = ?", denialId);
    }

    /** The root cause the register gave the denial; the process decided on it at its start, without storing it. */
    String rootCause(long denialId) {
        return jdbc.queryForObject("select root_cause from denial where id = ?", String.class, denialId);
    }

    BigDecimal recoveredAmount(long denialId) {
        return jdbc.queryForObject("select recovered_amount from denial where id = ?", BigDecimal.class, denialId);
    }

    /** The denial's priority, which its tasks are created with. */
    int priority(long denialId) {
        return jdbc.queryForObject("select priority from denial where id = ?", Integer.class, denialId);
    }

    int appealLevel(long denialId) {
        return jdbc.queryForObject("select appeal_level from denial where id = ?", Integer.class, denialId);
    }

    /** The appeals of a denial by level: level, outcome, prepared_by, approved_by, argument. */
    List<Map<String, Object>> appeals(long denialId) {
        return jdbc.queryForList("select level, outcome, prepared_by, approved_by, argument from appeal "
                + "where denial_id = ? order by level", denialId);
    }

    List<Map<String, Object>> correctedClaims(long denialId) {
        return jdbc.queryForList("select what_changed, reason, corrected_by, submitted_at from corrected_claim "
                + "where denial_id = ? order by id", denialId);
    }

    List<Map<String, Object>> slaBreaches(long denialId) {
        return jdbc.queryForList("select task_definition_key, task_id, queue from sla_breach where denial_id = ? "
                + "order by id", denialId);
    }

    /** The open tasks by queue as {@code queue_task} keeps them: "task queue amount due" lines. */
    List<String> queueTasks(Denied denial) {
        return jdbc.queryForList("""
                select q.task_id || ' ' || q.queue || ' ' || q.amount_at_risk || ' ' || coalesce(q.due_date::text, '-')
                  from queue_task q where q.denial_id = ? order by 1
                """, String.class, denial.id());
    }

    /** The same, worked out from the engine's own tables: its tasks, their candidate groups and due dates. */
    List<String> queueTasksOfTheEngine(Denied denial) {
        return jdbc.queryForList("""
                select t.id_ || ' ' || l.group_id_ || ' ' || d.amount_at_risk || ' ' || coalesce(t.due_date_::text, '-')
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                  join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  join denial d on d.id = dp.denial_id and d.follows_denial_id is null
                 where d.id = ? order by 1
                """, String.class, denial.id());
    }

    /** The denials on file for a claim, oldest first. */
    List<Long> denialsOfClaim(String patientControlNumber) {
        return jdbc.queryForList("select id from denial where patient_control_number = ? order by id", Long.class,
                patientControlNumber);
    }
}

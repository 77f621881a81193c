package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.overturn.authorization.AuthorizationClaims;
import org.overturn.authorization.AuthorizationDraft;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationSource;
import org.overturn.authorization.AuthorizationWatch;
import org.overturn.intake.FileIntake;
import org.overturn.payer.AuthorizationRules;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prevention before the denial: the morning watch finds an authorization running out, a claim on file with no
 * authorization its payer requires, and claims billed beyond the units approved; each is a task of the
 * authorizations queue (with no denial) that a biller works, or, for one running out, that lapses when its end comes
 * first.
 */
@LifecycleProcessTest
class AuthorizationWatchIT {

    private static final String PROCESS = "authorization-watch";

    @Autowired
    AuthorizationRegister register;
    @Autowired
    AuthorizationWatch watch;
    @Autowired
    AuthorizationRules rules;
    @Autowired
    org.overturn.payer.PayerDirectory payers;
    @Autowired
    FileIntake intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TaskWork work;
    @Autowired
    org.overturn.worklist.WorkItems items;
    @Autowired
    LifecycleScenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    final String payer = "AW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final LocalDate today = LocalDate.now();

    @Test
    void anAuthorizationRunningOutIsATaskABillerWorksBeforeItEnds() {
        long authorization = authorize("RUN", "M1", "90837", "12", today.plusDays(5));

        morningWatch();

        Denied finding = findingOf("authorization_id = " + authorization);
        assertThat(finding.process()).hasPassed("Gateway_WhichFinding").isWaitingAt("Task_RequestExtension");
        Task task = scenario.task(finding, "Task_RequestExtension");
        assertThat(task.getDueDate()).isEqualTo(startOf(today.plusDays(6)));
        assertThat(jdbc.queryForObject("select count(*) from queue_task where task_id = ? and queue = 'authorizations'"
                + " and denial_id is null and prevention_id = ?", Integer.class, task.getId(), finding.id()))
                .as("a task of the authorizations queue with no denial").isEqualTo(1);
        assertThat(watch.find(finding.id()).orElseThrow().reason()).contains("ends in 5 days");
        var listed = items.tasksOf("authorizations", LifecycleScenario.BILLER,
                org.overturn.worklist.TaskFilter.of(payer, null, null, null, null, null), 0, 50);
        assertThat(listed.items()).as("the queue lists it, with no denial")
                .anySatisfy(i -> assertThat(i.taskId()).isEqualTo(task.getId()))
                .allSatisfy(i -> assertThat(i.denial()).isNull());
        assertThat(items.tasksOf("authorizations", LifecycleScenario.BILLER,
                org.overturn.worklist.TaskFilter.of(payer, "AUTHORIZATION", null, null, null, null), 0, 50).items())
                .as("a filter on denials' facts leaves it out").isEmpty();

        work.complete(task.getId(), LifecycleScenario.form("preventionOutcome", "REQUESTED"), LifecycleScenario.BILLER);

        assertThat(finding.process()).hasPassed("Task_RecordPreventionOutcome", "End_PreventionWorked").isEnded();
        assertThat(watch.find(finding.id()).orElseThrow().outcome()).isEqualTo(AuthorizationWatch.Outcome.REQUESTED);
        assertThat(jdbc.queryForObject("select count(*) from queue_task where task_id = ?", Integer.class,
                task.getId())).isZero();

        morningWatch();
        assertThat(jdbc.queryForObject("select count(*) from authorization_prevention where authorization_id = ?",
                Integer.class, authorization)).as("found once").isEqualTo(1);
    }

    @Test
    void aRunningOutTaskLapsesWhenTheAuthorizationEndsFirst() {
        long authorization = authorize("LAPSE", "M2", "90837", "12", today.plusDays(2));
        morningWatch();
        Denied finding = findingOf("authorization_id = " + authorization);

        scenario.fireTimer(finding, "Timer_AuthorizationRanOut");

        assertThat(finding.process()).hasPassed("Task_RecordLapsed", "End_Lapsed").hasNotPassed("End_PreventionWorked")
                .isEnded();
        assertThat(watch.find(finding.id()).orElseThrow().outcome()).isEqualTo(AuthorizationWatch.Outcome.LAPSED);
    }

    @Test
    void aClaimOnFileWithoutTheAuthorizationItsPayerRequiresIsATask() {
        var claims = new AuthorizationClaims(payer, "WATCH PLAN");
        intake.ingest(payer + "-n.837", claims.claim(payer + "N", payer + "M3", "H0035", 1, today.minusDays(3), null,
                AuthorizationClaims.LCSW), "UPLOAD", "test");
        intake.ingest(payer + "-o.837", claims.claim(payer + "O", payer + "M3", "90837", 1, today.minusDays(3), null,
                AuthorizationClaims.LCSW), "UPLOAD", "test");
        payers.appealLimitDays(payer, "WATCH PLAN", "12"); // the directory's entry, as its first 835 would make it
        assertThat(rules.require(payer, Set.of("partial_hospitalization"), "test")).isTrue();

        morningWatch();

        Denied finding = findingOf("patient_control_number = '" + payer + "N'");
        assertThat(watch.find(finding.id()).orElseThrow().reason()).contains("H0035", "authorizes in advance");
        assertThat(jdbc.queryForObject("select count(*) from authorization_prevention where patient_control_number = ?",
                Integer.class, payer + "O")).as("outpatient therapy needs none from this payer").isZero();
        assertThat(finding.process()).isWaitingAt("Task_RequestAuthorization");

        work.complete(scenario.task(finding, "Task_RequestAuthorization").getId(),
                LifecycleScenario.form("preventionOutcome", "APPROVED"), LifecycleScenario.BILLER);

        assertThat(finding.process()).hasPassed("End_PreventionWorked").isEnded();
    }

    @Test
    void anotherPracticesAuthorizationDoesNotCoverAClaimOfThisPractice() {
        var claims = new AuthorizationClaims(payer, "WATCH PLAN");
        payers.appealLimitDays(payer, "WATCH PLAN", "12");
        assertThat(rules.require(payer, Set.of("partial_hospitalization"), "test")).isTrue();
        // approved for the member, the payer and the service, but to the psychiatric group; the claim of the first
        // practice bills two days under its number, which would exceed it were it counted
        long elsewhere = register.create(new AuthorizationDraft(payer, "WATCH PLAN", payer + "M5", null,
                payer + "ELSEWHERE", "PARTIAL_HOSPITALIZATION", List.of("H0035"), "DAYS", "1",
                today.minusDays(30).toString(), today.plusDays(30).toString(), null, null, null, "APPROVED"),
                org.overturn.TestPractices.of(jdbc, org.overturn.practice.DemoPractices.PSYCHIATRIC_GROUP),
                AuthorizationSource.API, LifecycleScenario.BILLER).id();
        intake.ingest(payer + "-p.837", claims.claim(payer + "P", payer + "M5", "H0035", 2, today.minusDays(3),
                payer + "ELSEWHERE", AuthorizationClaims.LCSW), "UPLOAD", "test");

        morningWatch();

        Denied finding = findingOf("patient_control_number = '" + payer + "P'");
        var found = watch.find(finding.id()).orElseThrow();
        assertThat(found.kind()).isEqualTo(AuthorizationWatch.Kind.NO_AUTHORIZATION);
        assertThat(found.practiceId()).isEqualTo(org.overturn.TestPractices.first(jdbc));
        assertThat(jdbc.queryForObject("select count(*) from authorization_prevention where authorization_id = ?"
                + " and kind = 'UNITS_EXCEEDED'", Integer.class, elsewhere)).as("nor is its use counted").isZero();
    }

    @Test
    void claimsBilledBeyondTheUnitsApprovedAreATask() {
        long authorization = authorize("UNITS", "M4", "90837", "1", today.plusDays(60));
        var claims = new AuthorizationClaims(payer, "WATCH PLAN");
        intake.ingest(payer + "-u1.837", claims.claim(payer + "U1", payer + "M4", "90837", 1, today.minusDays(10),
                payer + "UNITS", AuthorizationClaims.LCSW), "UPLOAD", "test");
        intake.ingest(payer + "-u2.837", claims.claim(payer + "U2", payer + "M4", "90837", 1, today.minusDays(3),
                payer + "UNITS", AuthorizationClaims.LCSW), "UPLOAD", "test");

        morningWatch();

        Denied finding = findingOf("authorization_id = " + authorization + " and kind = 'UNITS_EXCEEDED'");
        assertThat(watch.find(finding.id()).orElseThrow().reason()).contains("bill 2 visits", "approved 1");
        assertThat(finding.process()).isWaitingAt("Task_RequestMoreUnits");

        work.complete(scenario.task(finding, "Task_RequestMoreUnits").getId(),
                LifecycleScenario.form("preventionOutcome", "NOT_NEEDED"), LifecycleScenario.BILLER);

        assertThat(finding.process()).hasPassed("End_PreventionWorked").isEnded();
        assertThat(watch.find(finding.id()).orElseThrow().outcome()).isEqualTo(AuthorizationWatch.Outcome.NOT_NEEDED);
    }

    private long authorize(String number, String member, String procedure, String visits, LocalDate to) {
        return register.create(new AuthorizationDraft(payer, "WATCH PLAN", payer + member, null, payer + number,
                "OUTPATIENT", List.of(procedure), "VISITS", visits, today.minusDays(30).toString(), to.toString(),
                null, null, null, "APPROVED"), org.overturn.TestPractices.first(jdbc), AuthorizationSource.API,
                LifecycleScenario.BILLER).id();
    }

    /** Runs the morning timer of the watch now, as the job executor would at 6. */
    private void morningWatch() {
        Job timer = management.createJobQuery().processDefinitionKey(PROCESS).timers().active().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        management.executeJob(timer.getId());
    }

    private Denied findingOf(String condition) {
        Long id = jdbc.queryForObject("select id from authorization_prevention where " + condition, Long.class);
        List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey("prevention/" + id).list();
        assertThat(found).as("process of finding %s", id).hasSize(1);
        return new Denied(id, found.get(0));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}

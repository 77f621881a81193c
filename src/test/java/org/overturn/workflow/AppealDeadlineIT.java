package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.overturn.denial.AppealDeadlines;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The appeal-deadline process beside each appealable denial's lifecycle: a warning 14 days before the level's
 * filing deadline, managers brought in 3 days before, the deadline recorded as missed when it passes unfiled; a
 * level filed in time ends it as met; the next level opens with its own deadline from the decision letter.
 */
@LifecycleProcessTest
class AppealDeadlineIT {

    private static final String PROCESS = "appeal-deadline";

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TaskWork work;
    @Autowired
    AppealDeadlines deadlines;
    @Autowired
    org.overturn.payer.PayerDirectory payers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    org.overturn.workflow.AppealDeadlineWatch watches;

    @Test
    void warnsWhenTheDeadlineNearsEscalatesWhenCloseAndRecordsItMissedWhenItPasses() {
        Denied denial = scenario.denial(medicalNecessity("12"));
        LocalDate due = dueOn(denial);
        assertThat(due).as("ERISA internal appeal: 180 days").isEqualTo(LocalDate.now().plusDays(180));
        Denied watch = watch(denial, 1);
        assertThat(watch.process()).isWaitingAt("Timer_DeadlineNear");
        assertThat(scenario.timer(watch, "Timer_DeadlineNear").getDuedate()).isEqualTo(startOf(due.minusDays(14)));
        long missedBefore = deadlines.counts().missed();

        scenario.fireTimer(watch, "Timer_DeadlineNear");

        assertThat(watch.process()).hasPassed("Task_WarnDeadlineNear").isWaitingAt("Timer_DeadlineClose");
        String prepare = scenario.task(denial, Tasks.PREPARE_APPEAL).getId();
        assertThat(tasks.getVariableLocal(prepare, "deadlineNear")).isEqualTo(true);
        assertThat(scenario.task(denial, Tasks.PREPARE_APPEAL).getPriority()).isEqualTo(100);
        assertThat(candidateGroups(prepare)).doesNotContain("managers");
        assertThat(scenario.timer(watch, "Timer_DeadlineClose").getDuedate()).isEqualTo(startOf(due.minusDays(3)));

        scenario.fireTimer(watch, "Timer_DeadlineClose");

        assertThat(watch.process()).hasPassed("Task_EscalateDeadline").isWaitingAt("Timer_DeadlinePassed");
        assertThat(candidateGroups(prepare)).contains("appeals", "managers");
        assertThat(scenario.timer(watch, "Timer_DeadlinePassed").getDuedate()).isEqualTo(startOf(due.plusDays(1)));

        scenario.fireTimer(watch, "Timer_DeadlinePassed");

        assertThat(watch.process()).hasPassed("Task_RecordDeadlineMissed", "End_DeadlineMissed").isEnded();
        assertThat(events(denial)).containsExactly("1 NEAR " + due, "1 ESCALATED " + due, "1 MISSED " + due);
        assertThat(deadlines.counts().missed()).isEqualTo(missedBefore + 1);
        assertThat(denial.process()).as("the denial is still worked").isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void endsAsMetWhenTheLevelIsFiledBeforeTheWarning() {
        Denied denial = scenario.denial(medicalNecessity("12"));
        Denied watch = watch(denial, 1);
        var before = deadlines.counts();

        submitAppeal(denial);
        scenario.fireTimer(watch, "Timer_DeadlineNear");

        assertThat(watch.process()).hasPassed("Gateway_StillOpenWhenNear", "End_DeadlineMet")
                .hasNotPassed("Task_WarnDeadlineNear").isEnded();
        assertThat(events(denial)).isEmpty();
        assertThat(jdbc.queryForObject("select due_on from appeal where denial_id = ? and level = 1", LocalDate.class,
                denial.id())).isEqualTo(dueOn(denial));
        assertThat(deadlines.counts().met()).isEqualTo(before.met() + 1);
    }

    @Test
    void endsAsMetWhenTheLevelIsFiledAfterTheWarningButBeforeTheDeadline() {
        Denied denial = scenario.denial(medicalNecessity("12"));
        Denied watch = watch(denial, 1);
        scenario.fireTimer(watch, "Timer_DeadlineNear");
        scenario.fireTimer(watch, "Timer_DeadlineClose");

        submitAppeal(denial);
        scenario.fireTimer(watch, "Timer_DeadlinePassed");

        assertThat(watch.process()).hasPassed("Gateway_StillOpenWhenPassed", "End_DeadlineMet")
                .hasNotPassed("Task_RecordDeadlineMissed").isEnded();
        assertThat(events(denial)).extracting(e -> e.split(" ")[1]).containsExactly("NEAR", "ESCALATED");
    }

    @Test
    void anUpheldLevelOpensTheNextWithItsOwnDeadlineFromTheDecisionLetter() {
        Denied denial = scenario.denial(medicalNecessity("12"));
        Denied first = watch(denial, 1);
        submitAppeal(denial);
        LocalDate letter = LocalDate.now().minusDays(10);

        work.recordAppealDecision(denial.id(), "UPHELD", letter, LifecycleScenario.BILLER);
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Task_RecordUpheld", "Task_RaiseAppealLevel")
                .isWaitingAt(Tasks.PREPARE_APPEAL).variables().containsEntry("appealLevel", 2);
        LocalDate external = letter.plusMonths(4);
        assertThat(dueOn(denial)).as("external review: four months from the final internal decision")
                .isEqualTo(external);
        assertThat(jdbc.queryForMap("select appeal_regime, appeal_step, appeal_clock_start, appeal_recipient "
                + "from denial where id = ?", denial.id())).containsEntry("appeal_regime", "ERISA")
                .containsEntry("appeal_step", 2).containsEntry("appeal_clock_start", java.sql.Date.valueOf(letter))
                .containsEntry("appeal_recipient", "the independent review organization the plan assigns");
        Denied second = watch(denial, 2);
        assertThat(second.process().getBusinessKey())
                .isEqualTo(new AppealDeadlineWatch.Deadline(denial.id(), 2, external).businessKey());
        assertThat(runtime.getVariables(second.processInstanceId())).as("the key says it all").isEmpty();
        assertThat(scenario.timer(second, "Timer_DeadlineNear").getDuedate())
                .isEqualTo(startOf(external.minusDays(14)));

        scenario.fireTimer(first, "Timer_DeadlineNear");
        assertThat(first.process()).as("level 1 was filed").hasPassed("End_DeadlineMet").isEnded();
        assertThat(second.process()).isWaitingAt("Timer_DeadlineNear");
    }

    @Test
    void aLaterRemittanceThatUpholdsTheAppealStartsTheNextLevelsClockOnItsDate() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00").filing("12"));
        submitAppeal(denial);
        LocalDate answered = LocalDate.now().minusDays(3);

        scenario.ingest(Era835.denial(claim, "CO", "50", "400.00").filing("12").on(answered).bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_AppealAnswerReceived", "Task_RaiseAppealLevel")
                .isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(jdbc.queryForObject("select appeal_clock_start from denial where id = ?", LocalDate.class,
                denial.id())).isEqualTo(answered);
        assertThat(dueOn(denial)).isEqualTo(answered.plusMonths(4));
        watch(denial, 2);
    }

    /** Running watches stay on the model they started on: the one before 2026-12-06 asks with its variables. */
    @Test
    void aWatchStartedOnTheModelBeforeItsKeyHeldTheDeadlineStillWarnsFromItsVariables() throws Exception {
        Denied denial = scenario.denial(medicalNecessity("12"));
        LocalDate due = dueOn(denial);
        String deployment;
        try (var legacy = getClass().getResourceAsStream("/legacy-models/appeal-deadline-2026-12-05.bpmn")) {
            deployment = repository.createDeployment().addInputStream("appeal-deadline-2026-12-05.bpmn", legacy)
                    .deploy().getId();
        }
        try {
            ProcessInstance old = runtime.startProcessInstanceByKey("appeal-deadline-2026-12-05",
                    String.valueOf(denial.id()), java.util.Map.of("denialId", denial.id(), "appealLevel", 1,
                            "dueOn", due.toString()));
            Denied watch = new Denied(denial.id(), old);
            assertThat(old).isWaitingAt("Timer_DeadlineNear");
            assertThat(scenario.timer(watch, "Timer_DeadlineNear").getDuedate())
                    .isEqualTo(startOf(due.minusDays(14)));

            scenario.fireTimer(watch, "Timer_DeadlineNear");

            assertThat(old).hasPassed("Gateway_StillOpenWhenNear", "Task_WarnDeadlineNear")
                    .isWaitingAt("Timer_DeadlineClose");
            assertThat(scenario.timer(watch, "Timer_DeadlineClose").getDuedate())
                    .isEqualTo(startOf(due.minusDays(3)));
            assertThat(events(denial)).contains("1 NEAR " + due);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aDenialLoadedAfterItsDeadlinePassedIsRecordedMissedAsItIsStoredWithNoWatch() {
        long missedBefore = deadlines.counts().missed();
        long watchesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        Denied denial = scenario.denial(medicalNecessity("12").on(LocalDate.now().minusDays(200)));

        // nothing left to wait for or warn about: recorded in the transaction that stores the denial, no process
        assertThat(events(denial)).containsExactly("1 MISSED " + dueOn(denial));
        assertThat(deadlines.counts().missed()).isEqualTo(missedBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from denial_process where denial_id = ? and kind like"
                + " 'DEADLINE%'", Long.class, denial.id())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(watchesBefore);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(denial.id() + "/%").count()).isZero();
        String prepare = scenario.task(denial, Tasks.PREPARE_APPEAL).getId();
        assertThat(candidateGroups(prepare)).doesNotContain("managers");
        assertThat(tasks.getVariableLocal(prepare, "deadlineNear")).isNull();
        assertThat(scenario.task(denial, Tasks.PREPARE_APPEAL).getPriority()).isNotEqualTo(100);
    }

    @Test
    void aLevelOpenedAfterItsDeadlinePassedIsRecordedMissedOnceWithNoWatch() {
        Denied denial = scenario.denial(medicalNecessity("12"));
        LocalDate longGone = LocalDate.now().minusDays(30);

        watches.watch(denial.id(), 2, longGone);
        watches.watch(denial.id(), 2, longGone);

        assertThat(events(denial)).containsExactly("2 MISSED " + longGone);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(denial.id() + "/DEADLINE_2_%").count()).isZero();
    }

    @Test
    void aDeadlineDueTodayIsStillWatchedFromItsWarnings() {
        Denied denial = scenario.denial(medicalNecessity("12").on(LocalDate.now().minusDays(180)));
        assertThat(dueOn(denial)).isEqualTo(LocalDate.now());
        Denied watch = watch(denial, 1);

        assertThat(watch.process()).as("the last day to file is not past").isWaitingAt("Timer_DeadlineNear");
    }

    @Test
    void aProviderDisputeChosenBeforeTheFirstAppealHasItsOwnDeadline() {
        Denied denial = scenario.denial(medicalNecessity("12"));
        // the test payer's contract gives network providers 60 days to dispute (no other test takes this route)
        assertThat(payers.routeAppeals(Era835.PAYER_ID,
                new org.overturn.payer.PayerAppealTerms(null, false, 60, null), "test")).isPresent();
        Denied member = watch(denial, 1);

        var dispute = work.routeAppeal(denial.id(), org.overturn.regime.AppealRegime.PROVIDER_DISPUTE,
                LifecycleScenario.BILLER);

        assertThat(dispute).isEqualTo(new org.overturn.denial.AppealStep(
                org.overturn.regime.AppealRegime.PROVIDER_DISPUTE, 1, "Provider dispute",
                LocalDate.now().plusDays(60), "OVERTURN TEST HEALTH appeals (" + LifecycleScenario.TEST_PAYER_EMAIL + ")"));
        assertThat(dueOn(denial)).isEqualTo(LocalDate.now().plusDays(60));
        List<ProcessInstance> watches = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(new AppealDeadlineWatch.Deadline(denial.id(), 1, dispute.dueOn())
                        .businessKey()).list();
        assertThat(watches).hasSize(1);
        scenario.fireTimer(member, "Timer_DeadlineNear");
        assertThat(member.process()).as("the member appeal's deadline no longer applies")
                .hasPassed("End_DeadlineMet").isEnded();

        submitAppeal(denial);
        assertThatThrownBy(() -> work.routeAppeal(denial.id(), org.overturn.regime.AppealRegime.ERISA,
                LifecycleScenario.BILLER)).isInstanceOfSatisfying(org.overturn.worklist.TaskProblem.class,
                p -> assertThat(p.kind()).isEqualTo(org.overturn.worklist.TaskProblem.Kind.CONFLICT));
    }

    @Test
    void aDenialThatIsNotAppealableHasNoDeadlineToWatch() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "150.00"));

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(denial.id() + "/%").count()).isZero();
    }

    private static Era835 medicalNecessity(String filing) {
        return Era835.denial(LifecycleScenario.newClaim(), "CO", "50", "400.00").procedure("90837").filing(filing);
    }

    private void submitAppeal(Denied denial) {
        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT",
                "appealArgument", "the session note documents acute risk");
    }

    private Denied watch(Denied denial, int level) {
        List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKeyLike(denial.id() + "/DEADLINE_" + level + "_%").list();
        assertThat(found).as("deadline process of level %s of denial %s", level, denial.id()).hasSize(1);
        assertThat(found.get(0).getBusinessKey()).startsWith(denial.id() + "/DEADLINE_" + level + "_");
        assertThat(jdbc.queryForObject("select kind from denial_process where process_instance_id = ?", String.class,
                found.get(0).getId())).isEqualTo(found.get(0).getBusinessKey().substring((denial.id() + "/").length()));
        return new Denied(denial.id(), found.get(0));
    }

    private LocalDate dueOn(Denied denial) {
        return jdbc.queryForObject("select appeal_due_date from denial where id = ?", LocalDate.class, denial.id());
    }

    private List<String> events(Denied denial) {
        return jdbc.queryForList("select level || ' ' || kind || ' ' || due_on from appeal_deadline_event "
                + "where denial_id = ? order by at, kind desc", String.class, denial.id());
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.UrgentAppeals;
import org.overturn.denial.UrgentAppeals.UrgentAppeal;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PayerDirectory;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A concurrent-review or level-of-care denial of a stay still going on: a peer-to-peer review within the payer's
 * window beside the lifecycle, then an expedited appeal on the regime's 72-hour clock, with the decision recorded in
 * time, or recorded overdue (managers brought in) when the clock runs out first; a Medicare Part A/B stay gets the
 * peer-to-peer review only; an outpatient session none of it.
 */
@LifecycleProcessTest
class UrgentAppealIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TaskWork work;
    @Autowired
    UrgentAppeals urgentAppeals;
    @Autowired
    AppealDeadlines deadlines;
    @Autowired
    PayerDirectory payers;

    @Test
    void aPartialHospitalizationStayDeniedInReviewIsOfferedAPeerToPeerAndAnExpeditedAppealDecidedInTime() {
        Denied denial = withPeerToPeerHours(48, () -> scenario.denial(stay("186", "H0035", "12")));
        Denied urgent = urgentOf(denial);
        UrgentAppeal offered = urgentAppeals.find(denial.id()).orElseThrow();
        assertThat(offered.peerToPeerDueAt()).isEqualTo(offered.offeredAt().plus(Duration.ofHours(48)));
        assertThat(offered.expeditedDecisionTime()).isEqualTo(Duration.ofHours(72));
        assertThat(offered.expeditedSource()).contains("2560.503-1");
        assertThat(urgent.process()).isWaitingAt("Task_RequestPeerToPeer");
        Task peerToPeer = task(urgent, "Task_RequestPeerToPeer");
        assertThat(peerToPeer.getDueDate()).isEqualTo(Date.from(offered.peerToPeerDueAt()));
        assertThat(candidateGroups(peerToPeer)).containsExactly("appeals");
        assertThat(scenario.timer(urgent, "Timer_PeerToPeerWindowClosed").getDuedate())
                .isEqualTo(Date.from(offered.peerToPeerDueAt()));
        var step = deadlines.describe(denial.id()).orElseThrow().with(offered);
        assertThat(step.expedited()).isTrue();
        assertThat(step.dueAt()).as("the clock starts when the appeal is filed").isNull();

        complete(urgent, "Task_RequestPeerToPeer", "peerToPeerOutcome", "UPHELD");
        assertThat(urgent.process()).hasPassed("Task_RecordPeerToPeer", "Gateway_PeerToPeerOutcome",
                "Gateway_JoinAfterPeerToPeer", "Gateway_ExpeditedOffered").isWaitingAt("Task_FileExpeditedAppeal");
        complete(urgent, "Task_FileExpeditedAppeal", "expeditedReference", "FAX-0415");

        UrgentAppeal filed = urgentAppeals.find(denial.id()).orElseThrow();
        assertThat(filed.peerToPeer()).isEqualTo(UrgentAppeals.PeerToPeer.UPHELD);
        assertThat(filed.expeditedDecisionDueAt()).isEqualTo(filed.expeditedFiledAt().plus(Duration.ofHours(72)));
        assertThat(deadlines.describe(denial.id()).orElseThrow().with(filed).dueAt())
                .isEqualTo(filed.expeditedDecisionDueAt());
        assertThat(urgent.process()).hasPassed("Task_StartExpeditedClock").isWaitingAt("Task_RecordExpeditedDecision");
        assertThat(task(urgent, "Task_RecordExpeditedDecision").getDueDate())
                .isEqualTo(Date.from(filed.expeditedDecisionDueAt()));
        assertThat(scenario.timer(urgent, "Timer_ExpeditedDecisionDue").getDuedate())
                .isEqualTo(Date.from(filed.expeditedDecisionDueAt()));

        complete(urgent, "Task_RecordExpeditedDecision", "expeditedDecision", "OVERTURNED");

        assertThat(urgent.process()).hasPassed("Task_RecordExpeditedDecisionMade", "End_ExpeditedDecided")
                .hasNotPassed("Task_RecordDecisionOverdue").isEnded();
        assertThat(urgentAppeals.find(denial.id()).orElseThrow().expeditedDecision())
                .isEqualTo(UrgentAppeals.Decision.OVERTURNED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(denial.processInstanceId()).count())
                .as("the lifecycle goes on beside it").isEqualTo(1);
    }

    @Test
    void aWindowClosedUnusedMovesOnAndAClockRunOutBringsInManagers() {
        Denied denial = scenario.denial(stay("150", "S9480", "12"));
        Denied urgent = urgentOf(denial);

        scenario.fireTimer(urgent, "Timer_PeerToPeerWindowClosed");

        assertThat(urgent.process()).hasPassed("Task_RecordPeerToPeerWindowClosed").isWaitingAt("Task_FileExpeditedAppeal");
        assertThat(urgentAppeals.find(denial.id()).orElseThrow().peerToPeer())
                .isEqualTo(UrgentAppeals.PeerToPeer.WINDOW_CLOSED);
        complete(urgent, "Task_FileExpeditedAppeal");

        scenario.fireTimer(urgent, "Timer_ExpeditedDecisionDue");

        assertThat(urgent.process()).hasPassed("Task_RecordDecisionOverdue", "End_DecisionOverdueRecorded")
                .isWaitingAt("Task_RecordExpeditedDecision");
        assertThat(urgentAppeals.find(denial.id()).orElseThrow().expeditedOverdueAt()).isNotNull();
        assertThat(candidateGroups(task(urgent, "Task_RecordExpeditedDecision"))).contains("appeals", "managers");
        assertThat(scenario.queueTasks(urgent)).anyMatch(row -> row.contains(" managers "));

        complete(urgent, "Task_RecordExpeditedDecision", "expeditedDecision", "UPHELD");

        assertThat(urgent.process()).hasPassed("End_ExpeditedDecided").isEnded();
    }

    @Test
    void aPeerToPeerThatApprovesTheCareEndsIt() {
        Denied urgent = urgentOf(scenario.denial(stay("186", "H0035", "12")));

        complete(urgent, "Task_RequestPeerToPeer", "peerToPeerOutcome", "OVERTURNED");

        assertThat(urgent.process()).hasPassed("End_OverturnedByPeerToPeer").hasNotPassed("Task_FileExpeditedAppeal")
                .isEnded();
    }

    @Test
    void aMedicareStayHasThePeerToPeerOnlyWithNoDueDateWhenThePayersWindowIsUnknown() {
        Denied denial = withPeerToPeerHours(null, () -> scenario.denial(stay("186", "H0035", "MB")));
        Denied urgent = urgentOf(denial);
        UrgentAppeal offered = urgentAppeals.find(denial.id()).orElseThrow();
        assertThat(offered.expeditedOffered()).isFalse();
        assertThat(offered.peerToPeerDueAt()).isNull();
        assertThat(task(urgent, "Task_RequestPeerToPeer").getDueDate()).isNull();
        assertThat(scenario.timer(urgent, "Timer_PeerToPeerWindowClosed").getDuedate())
                .as("the offer lapses once the stay is presumed over")
                .isEqualTo(Date.from(offered.offeredAt().plus(Duration.ofDays(14))));
        assertThat(deadlines.describe(denial.id()).orElseThrow().with(offered).expedited()).isFalse();

        complete(urgent, "Task_RequestPeerToPeer", "peerToPeerOutcome", "NOT_HELD");

        assertThat(urgent.process()).hasPassed("End_StandardAppealOnly").isEnded();
    }

    @Test
    void anOutpatientSessionDeniedForLevelOfCareIsNotUrgent() {
        Denied denial = scenario.denial(stay("186", "90837", "12"));

        assertThat(urgentAppeals.find(denial.id())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(UrgentAppealWatch.PROCESS_KEY)
                .processInstanceBusinessKey(denial.id() + "/URGENT").count()).isZero();
    }

    private static Era835 stay(String reason, String procedure, String filing) {
        return Era835.denial(LifecycleScenario.newClaim(), "CO", reason, "900.00").procedure(procedure).filing(filing);
    }

    /** The denial stored while the test payer's peer-to-peer window is this many hours; its other terms kept. */
    private Denied withPeerToPeerHours(Integer hours, java.util.function.Supplier<Denied> store) {
        if (payers.profile(Era835.PAYER_ID).isEmpty()) {
            // the test payer is created by its first remittance
            scenario.ingest(Era835.payment(LifecycleScenario.newClaim(), "100.00").bytes());
        }
        PayerAppealTerms before = payers.appealTerms(Era835.PAYER_ID);
        payers.routeAppeals(Era835.PAYER_ID, new PayerAppealTerms(before.funding(), before.medicaidManagedCare(),
                before.providerDisputeDays(), before.correctedClaimClock(), hours), "test");
        try {
            return store.get();
        } finally {
            payers.routeAppeals(Era835.PAYER_ID, before, "test");
        }
    }

    private Denied urgentOf(Denied denial) {
        List<ProcessInstance> found = runtime.createProcessInstanceQuery()
                .processDefinitionKey(UrgentAppealWatch.PROCESS_KEY).processInstanceBusinessKey(denial.id() + "/URGENT")
                .list();
        assertThat(found).as("urgent appeal of denial %s", denial.id()).hasSize(1);
        return new Denied(denial.id(), found.get(0));
    }

    private Task task(Denied urgent, String key) {
        return scenario.task(urgent, key);
    }

    private void complete(Denied urgent, String key, Object... fieldsAndValues) {
        scenario.complete(urgent, key, fieldsAndValues);
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }
}

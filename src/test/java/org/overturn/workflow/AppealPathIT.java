package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;

/** An appealable denial: prepared, approved when high-dollar, sent, decided per level, or given up. */
@LifecycleProcessTest
class AppealPathIT {

    private static final String AWAIT_DECISION = "Gateway_AwaitAppealDecision";
    private static final String FOLLOW_UP_DUE = "Timer_AppealFollowUpDue";

    @Autowired
    LifecycleScenario scenario;

    @Test
    void recoversWhenThePayersNextRemittancePaysTheAppealedClaim() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(medicalNecessity(claim, "400.00"));
        assertThat(denial.process()).isWaitingAt(Tasks.PREPARE_APPEAL)
                // the denial keeps its classification, queue, priority and amount, which the process reads from it;
                // the first level is no level raised
                .variables().containsOnlyKeys("denialId");
        assertThat(scenario.task(denial, Tasks.PREPARE_APPEAL).getPriority())
                .as("the denial's priority").isEqualTo(scenario.priority(denial.id()));
        assertThat(scenario.rootCause(denial.id())).isEqualTo("MEDICAL_NECESSITY");
        assertThat(denial.process()).task().hasCandidateGroup("appeals");

        submitAppeal(denial);

        assertThat(denial.process()).hasPassed("Gateway_NeedsApproval", "Task_SendAppeal")
                .hasNotPassed(Tasks.APPROVE_APPEAL).isWaitingAt(AWAIT_DECISION);
        assertThat(scenario.status(denial.id())).isEqualTo("APPEALED");
        assertThat(scenario.appealLevel(denial.id())).isEqualTo(1);
        assertThat(scenario.appeals(denial.id())).singleElement().satisfies(appeal -> assertThat(appeal)
                .containsEntry("level", 1).containsEntry("outcome", null)
                .containsEntry("prepared_by", LifecycleScenario.BILLER.id()).containsEntry("approved_by", null)
                .containsEntry("argument", "the session note documents acute risk"));

        scenario.ingest(Era835.payment(claim, "385.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_AppealAnswerReceived", "Gateway_AppealAnswer",
                "Task_RecordRecovery", "End_Recovered").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).isEqualByComparingTo("385.00");
        assertThat(scenario.appeals(denial.id())).extracting(a -> a.get("outcome")).containsExactly("OVERTURNED");
    }

    @Test
    void recoversWhenTheRecordedDecisionLetterSaysOverturned() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "400.00"));
        submitAppeal(denial);

        scenario.recordAppealDecision(denial, "OVERTURNED");

        assertThat(denial.process()).hasPassed("Event_AppealDecisionRecorded", "Gateway_AppealDecision",
                "End_Recovered").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).isEqualByComparingTo("400.00");
        assertThat(scenario.appeals(denial.id())).extracting(a -> a.get("outcome")).containsExactly("OVERTURNED");
    }

    @Test
    void refusesADecisionLetterForADenialThatIsNotWaitingForOne() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "400.00"));

        assertThatThrownBy(() -> scenario.recordAppealDecision(denial, "OVERTURNED"))
                .isInstanceOfSatisfying(org.overturn.worklist.TaskProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(org.overturn.worklist.TaskProblem.Kind.CONFLICT));
        assertThat(denial.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void followsUpOnTheAppealUntilThePayerOverturnsIt() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "400.00"));
        submitAppeal(denial);
        assertThat(scenario.timeUntil(denial, FOLLOW_UP_DUE))
                .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));

        scenario.fireTimer(denial, FOLLOW_UP_DUE);

        assertThat(denial.process()).isWaitingAt(Tasks.FOLLOW_UP_APPEAL);
        assertThat(scenario.status(denial.id())).as("reopened by the follow-up task").isEqualTo("OPEN");

        scenario.complete(denial, Tasks.FOLLOW_UP_APPEAL, "appealDecision", "PENDING",
                "followUpNote", "reviewer assigned");

        assertThat(denial.process()).hasPassed("Gateway_AppealDecision").isWaitingAt(AWAIT_DECISION);

        scenario.fireTimer(denial, FOLLOW_UP_DUE);
        scenario.complete(denial, Tasks.FOLLOW_UP_APPEAL, "appealDecision", "OVERTURNED");

        assertThat(denial.process()).hasPassed("End_Recovered").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).isEqualByComparingTo("400.00");
        assertThat(scenario.appeals(denial.id())).extracting(a -> a.get("outcome")).containsExactly("OVERTURNED");
    }

    @Test
    void raisesTheAppealLevelWhenUpheldAndAsksForAWriteOffAfterTheLastLevel() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(medicalNecessity(claim, "400.00"));
        submitAppeal(denial);

        // the payer's next 835 denies the claim again: level 1 upheld
        scenario.ingest(medicalNecessity(claim, "400.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Gateway_AppealAnswer", "Task_RecordUpheld", "Gateway_AnotherLevel",
                "Task_RaiseAppealLevel").isWaitingAt(Tasks.PREPARE_APPEAL)
                .variables().containsEntry("appealLevel", 2).containsEntry("appealSent", false);
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");

        submitAppeal(denial);

        assertThat(scenario.appealLevel(denial.id())).isEqualTo(2);
        assertThat(scenario.status(denial.id())).isEqualTo("APPEALED");

        scenario.recordAppealDecision(denial, "UPHELD");

        assertThat(denial.process()).isWaitingAt(Tasks.DECIDE_WRITE_OFF);
        assertThat(denial.process()).task().hasCandidateGroup("managers");
        assertThat(scenario.appeals(denial.id())).extracting(a -> a.get("level"), a -> a.get("outcome"))
                .containsExactly(tuple(1, "UPHELD"), tuple(2, "UPHELD"));

        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "WRITE_OFF",
                "writeOffReason", "both levels upheld; no external review for this plan");

        assertThat(denial.process()).hasPassed("Task_RecordWriteOff", "End_WrittenOff").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("WRITTEN_OFF");
        assertThat(scenario.recoveredAmount(denial.id())).isNull();
    }

    @Test
    void followUpThatFindsTheAppealUpheldGoesToTheNextLevel() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "400.00"));
        submitAppeal(denial);
        scenario.fireTimer(denial, FOLLOW_UP_DUE);

        scenario.complete(denial, Tasks.FOLLOW_UP_APPEAL, "appealDecision", "UPHELD");

        assertThat(denial.process()).hasPassed("Task_RecordUpheld", "Task_RaiseAppealLevel")
                .isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(scenario.appeals(denial.id())).extracting(a -> a.get("outcome")).containsExactly("UPHELD");
    }

    @Test
    void highDollarAppealGoesOutOnlyAfterAManagerApprovesIt() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "1000.00"));

        submitAppeal(denial);

        assertThat(denial.process()).hasPassed("Gateway_NeedsApproval").isWaitingAt(Tasks.APPROVE_APPEAL);
        assertThat(denial.process()).task().hasCandidateGroup("managers");
        assertThat(scenario.appeals(denial.id())).isEmpty();

        scenario.complete(denial, Tasks.APPROVE_APPEAL, "appealApproved", "false",
                "approvalComment", "attach the treatment plan");

        assertThat(denial.process()).hasPassed("Gateway_Approved").isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(scenario.appeals(denial.id())).isEmpty();

        submitAppeal(denial);
        scenario.complete(denial, Tasks.APPROVE_APPEAL, "appealApproved", "true");

        assertThat(denial.process()).hasPassed("Task_SendAppeal").isWaitingAt(AWAIT_DECISION);
        assertThat(scenario.appeals(denial.id())).singleElement().satisfies(appeal -> assertThat(appeal)
                .containsEntry("prepared_by", LifecycleScenario.BILLER.id())
                .containsEntry("approved_by", LifecycleScenario.MANAGER.id()));
    }

    @Test
    void appealJustBelowTheThresholdNeedsNoApproval() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "999.99"));

        submitAppeal(denial);

        assertThat(denial.process()).hasNotPassed(Tasks.APPROVE_APPEAL).isWaitingAt(AWAIT_DECISION);
    }

    @Test
    void billsThePatientWhenTheAppealPreparerFindsThePatientOwes() {
        // OA, not CO: a contractual denial is never the patient's without a manager's override (HoldHarmlessIT)
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "OA", "50", "400.00")
                .procedure("90837"));

        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "PATIENT");

        assertThat(denial.process()).hasPassed("Gateway_AppealAction").isWaitingAt(Tasks.BILL_PATIENT);
    }

    @Test
    void managerCanSendAProposedWriteOffBackToAppeal() {
        Denied denial = scenario.denial(medicalNecessity(LifecycleScenario.newClaim(), "400.00"));

        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "WRITE_OFF");

        assertThat(denial.process()).isWaitingAt(Tasks.DECIDE_WRITE_OFF);

        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "APPEAL",
                "writeOffReason", "the note supports medical necessity");

        assertThat(denial.process()).hasPassed("Gateway_WriteOffDecision").isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");
    }

    /** CO-50 on 90837: medical necessity, worked in the appeals queue. */
    static Era835 medicalNecessity(String claim, String amount) {
        return Era835.denial(claim, "CO", "50", amount).procedure("90837");
    }

    private void submitAppeal(Denied denial) {
        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT",
                "appealArgument", "the session note documents acute risk");
    }
}

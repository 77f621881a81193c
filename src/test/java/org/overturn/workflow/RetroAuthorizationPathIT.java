package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.authorization.Authorization;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationSource;
import org.overturn.authorization.AuthorizationStatus;
import org.overturn.authorization.LevelOfCare;
import org.overturn.worklist.TaskForms;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskProblem;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retro authorization as its own step: an authorization denial whose claim no valid authorization covers is
 * requested from the payer, waits for the payer's decision (recorded by a biller, or asked for when the follow-up
 * falls due), and is rebilled with the new number when approved or appealed when denied.
 */
@LifecycleProcessTest
class RetroAuthorizationPathIT {

    private static final String AWAIT_DECISION = "Gateway_AwaitRetroAuthorization";
    private static final String FOLLOW_UP_DUE = "Timer_RetroAuthorizationFollowUpDue";

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    TaskWork work;
    @Autowired
    AuthorizationRegister register;
    @Autowired
    TaskForms forms;

    @Test
    void anApprovedRetroAuthorizationIsRebilledWithTheNewNumber() {
        Denied denial = requested();

        work.recordRetroAuthorizationDecision(denial.id(), "APPROVED", "RA-2026-0042", LifecycleScenario.BILLER);
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_RetroAuthorizationDecided", "Gateway_RetroAuthorizationDecision")
                .isWaitingAt(Tasks.CORRECT_CLAIM)
                .variables().containsEntry("retroAuthorizationNumber", "RA-2026-0042");
        assertThat(denial.process()).task().hasCandidateGroup("authorizations");

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                "whatChanged", "authorization RA-2026-0042 added", "correctionReason", "retro authorization approved");

        assertThat(denial.process()).hasPassed("Task_RecordCorrectedClaim", "Task_ResubmitClaim")
                .isWaitingAt("Gateway_AwaitCorrectionAnswer");
        assertThat(scenario.status(denial.id())).isEqualTo("CORRECTION_SUBMITTED");
    }

    @Test
    void anApprovedRetroAuthorizationEntersTheRegisterWithTheDenialAsItsSource() {
        Denied denial = requested();

        work.recordRetroAuthorizationDecision(denial.id(), "APPROVED", "RA-REG-" + denial.id(),
                LifecycleScenario.BILLER);

        Authorization entered = onlyOnFile("RA-REG-" + denial.id());
        assertThat(entered.status()).isEqualTo(AuthorizationStatus.APPROVED);
        assertThat(entered.source()).isEqualTo(AuthorizationSource.RETRO);
        assertThat(entered.payerId()).isEqualTo(Era835.PAYER_ID);
        assertThat(entered.procedures()).containsExactly("90837");
        assertThat(entered.levelOfCare()).isEqualTo(LevelOfCare.OUTPATIENT);
        assertThat(entered.unitsApproved()).isEqualByComparingTo("1");
        assertThat(entered.from()).isEqualTo(entered.to());
        assertThat(register.sourceNote(entered.id(), LifecycleScenario.BILLER))
                .contains("retro authorization approved for denial " + denial.id());
    }

    @Test
    void aRefusedRetroAuthorizationLeavesTheRegisterAlone() {
        Denied denial = requested();
        long before = retroEntries();

        work.recordRetroAuthorizationDecision(denial.id(), "DENIED", null, LifecycleScenario.BILLER);

        assertThat(retroEntries()).isEqualTo(before);
    }

    @Test
    void correctClaimOffersARetroAuthorizationOnlyForAnAuthorizationDenial() {
        Denied authorization = scenario.denial(authorizationDenial());
        assertThat(outcomes(authorization)).containsKey("RETRO_AUTHORIZATION");

        Denied missingInformation = scenario.denial(
                Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "150.00").procedure("90791"));
        assertThat(missingInformation.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
        assertThat(outcomes(missingInformation)).doesNotContainKey("RETRO_AUTHORIZATION").containsKey("CORRECTED");
        assertThatThrownBy(() -> scenario.complete(missingInformation, Tasks.CORRECT_CLAIM,
                "correctionOutcome", "RETRO_AUTHORIZATION")).isInstanceOf(TaskProblem.class)
                .satisfies(e -> assertThat(((TaskProblem) e).fieldErrors()).containsKey("correctionOutcome"));
        assertThat(missingInformation.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
    }

    private java.util.Map<String, String> outcomes(Denied denial) {
        return forms.fieldsOf(scenario.task(denial, Tasks.CORRECT_CLAIM).getId()).stream()
                .filter(f -> f.id().equals("correctionOutcome")).findFirst().orElseThrow().options();
    }

    private long retroEntries() {
        return register.search("", LifecycleScenario.BILLER, 10_000).stream()
                .filter(a -> a.source() == AuthorizationSource.RETRO).count();
    }

    private Authorization onlyOnFile(String number) {
        var found = register.search(number, LifecycleScenario.BILLER, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aDeniedRetroAuthorizationIsAppealed() {
        Denied denial = requested();

        work.recordRetroAuthorizationDecision(denial.id(), "DENIED", null, LifecycleScenario.BILLER);
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Gateway_RetroAuthorizationDecision").isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(denial.process()).task().hasCandidateGroup("appeals");
    }

    @Test
    void aSilentPayerIsAskedAgainUntilItDecides() {
        Denied denial = requested();

        scenario.fireTimer(denial, FOLLOW_UP_DUE);
        assertThat(denial.process()).isWaitingAt(Tasks.FOLLOW_UP_RETRO_AUTHORIZATION);
        assertThat(denial.process()).task().hasCandidateGroup("authorizations");
        scenario.complete(denial, Tasks.FOLLOW_UP_RETRO_AUTHORIZATION, "retroAuthorizationDecision", "PENDING");
        assertThat(denial.process()).isWaitingAt(AWAIT_DECISION);

        scenario.fireTimer(denial, FOLLOW_UP_DUE);
        assertThatThrownBy(() -> scenario.complete(denial, Tasks.FOLLOW_UP_RETRO_AUTHORIZATION,
                "retroAuthorizationDecision", "APPROVED")).isInstanceOf(TaskProblem.class)
                .satisfies(e -> assertThat(((TaskProblem) e).fieldErrors()).containsKey("retroAuthorizationNumber"));
        scenario.complete(denial, Tasks.FOLLOW_UP_RETRO_AUTHORIZATION, "retroAuthorizationDecision", "APPROVED",
                "retroAuthorizationNumber", "RA-77");

        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM)
                .variables().containsEntry("retroAuthorizationNumber", "RA-77");
        assertThat(onlyOnFile("RA-77").source()).isEqualTo(AuthorizationSource.RETRO);
    }

    @Test
    void aDecisionIsRecordedOnlyWhileTheProcessWaitsForOne() {
        Denied denial = scenario.denial(authorizationDenial());

        assertThatThrownBy(() -> work.recordRetroAuthorizationDecision(denial.id(), "APPROVED", "RA-1",
                LifecycleScenario.BILLER)).isInstanceOf(TaskProblem.class)
                .satisfies(e -> assertThat(((TaskProblem) e).kind()).isEqualTo(TaskProblem.Kind.CONFLICT));
        assertThatThrownBy(() -> work.recordRetroAuthorizationDecision(denial.id(), "APPROVED", " ",
                LifecycleScenario.BILLER)).isInstanceOf(TaskProblem.class)
                .satisfies(e -> assertThat(((TaskProblem) e).kind()).isEqualTo(TaskProblem.Kind.INVALID));
        assertThatThrownBy(() -> work.recordRetroAuthorizationDecision(denial.id(), "DENIED", null,
                LifecycleScenario.MANAGER)).isInstanceOf(TaskProblem.class)
                .satisfies(e -> assertThat(((TaskProblem) e).kind()).isEqualTo(TaskProblem.Kind.FORBIDDEN));
    }

    /** An authorization denial, sent by the biller to a retro authorization request that was then made. */
    private Denied requested() {
        Denied denial = scenario.denial(authorizationDenial());
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM).task().hasCandidateGroup("authorizations");
        assertThat(scenario.rootCause(denial.id())).isEqualTo("AUTHORIZATION");

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "RETRO_AUTHORIZATION");
        assertThat(denial.process()).hasPassed("Gateway_CorrectionOutcome").hasNotPassed("Task_RecordCorrectedClaim")
                .isWaitingAt(Tasks.REQUEST_RETRO_AUTHORIZATION);
        assertThat(denial.process()).task().hasCandidateGroup("authorizations");

        scenario.complete(denial, Tasks.REQUEST_RETRO_AUTHORIZATION, "retroAuthorizationRequestedOn", "2026-03-20",
                "retroAuthorizationReference", "portal 55123");
        assertThat(denial.process()).isWaitingAt(AWAIT_DECISION);
        return denial;
    }

    /** CO-197 (precertification absent) on a psychotherapy hour: an authorization denial. */
    private static Era835 authorizationDenial() {
        return Era835.denial(LifecycleScenario.newClaim(), "CO", "197", "180.00").procedure("90837");
    }
}

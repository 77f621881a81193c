package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;

/** A later 835 for the claim while someone is still working the denial: the event subprocess closes it. */
@LifecycleProcessTest
class PayerActedMeanwhileIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    TaskService tasks;

    @Test
    void closesTheDenialAsRecoveredWhenThePayerPaysWhileTheCorrectionIsOpen() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(authorization(claim));
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);

        scenario.ingest(Era835.payment(claim, "140.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_LaterPaymentReceived", "Gateway_LaterPaymentKind",
                "Task_RecordLaterRecovery", "End_RecoveredMeanwhile").hasNotPassed("Task_RecordRecovery").isEnded();
        assertThat(tasks.createTaskQuery().processInstanceId(denial.processInstanceId()).count()).isZero();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).isEqualByComparingTo("140.00");
    }

    @Test
    void closesTheDenialAsReversedWhenThePayerReversesItsAdjudication() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(authorization(claim));

        scenario.ingest(Era835.reversalOfDenial(claim, "CO", "197", "150.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Task_RecordReversal", "End_Reversed").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("REVERSED");
        assertThat(scenario.denialsOfClaim(claim)).as("a reversal is never a new denial").hasSize(1);
    }

    @Test
    void handsOverToANewProcessWhenTheClaimIsDeniedAgainWhileATaskIsOpen() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(authorization(claim));

        scenario.ingest(AppealPathIT.medicalNecessity(claim, "150.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Task_RecordSuperseded", "End_Superseded").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("SUPERSEDED");
        long newer = scenario.denialsOfClaim(claim).get(1);
        assertThat(scenario.processOf(newer)).isNotEqualTo(denial.processInstanceId());
        Denied successor = scenario.denial(newer);
        assertThat(successor.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(scenario.rootCause(newer)).isEqualTo("MEDICAL_NECESSITY");
        assertThat(scenario.status(newer)).isEqualTo("OPEN");
    }

    @Test
    void keepsWaitingForThePayersAnswerWhenAReversalArrivesFirst() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(authorization(claim));
        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                "whatChanged", "authorization number A-5521 added", "correctionReason", "authorization was on file");

        scenario.ingest(Era835.reversalOfDenial(claim, "CO", "197", "150.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).isWaitingAt("Gateway_AwaitCorrectionAnswer");
        assertThat(scenario.status(denial.id())).isEqualTo("CORRECTION_SUBMITTED");
    }

    /** CO-197 with RARC-free line: no authorization on file, worked in the authorizations queue. */
    private static Era835 authorization(String claim) {
        return Era835.denial(claim, "CO", "197", "150.00");
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;

/** Denials nobody can correct or appeal go to a manager's write-off decision; timely filing needs proof. */
@LifecycleProcessTest
class WriteOffAndTimelyFilingIT {

    @Autowired
    LifecycleScenario scenario;

    @Test
    void asksAManagerToWriteOffADenialThatIsNeitherCorrectableNorAppealable() {
        // CO-202: a personal comfort service; nothing to rebill or appeal
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "202", "150.00"));

        assertThat(denial.process()).hasPassed("Gateway_HowRecoverable").isWaitingAt(Tasks.DECIDE_WRITE_OFF);
        assertThat(scenario.recoverable(denial.id())).containsEntry("correctable", false)
                .containsEntry("appealable", false);
        assertThat(denial.process()).task().hasCandidateGroup("managers");

        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "WRITE_OFF",
                "writeOffReason", "personal comfort service");

        assertThat(denial.process()).hasPassed("Task_RecordWriteOff", "End_WrittenOff").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("WRITTEN_OFF");
    }

    @Test
    void managerCanBillThePatientInsteadOfWritingOff() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "202", "150.00"));

        // CO-202 is contractual: the manager overrides hold-harmless with the reason (see HoldHarmlessIT)
        scenario.complete(denial, Tasks.DECIDE_WRITE_OFF, "writeOffDecision", "PATIENT",
                "patientBillingOverride", "The patient signed a waiver for this service before it was given.");
        scenario.complete(denial, Tasks.BILL_PATIENT, "statementReference", "ACCT-88123");

        assertThat(denial.process()).hasPassed("Gateway_WriteOffDecision", "End_PassedToPatient").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("PATIENT_RESPONSIBILITY");
    }

    @Test
    void appealsATimelyFilingDenialWhenProofOfTimelyFilingIsOnFile() {
        Denied denial = scenario.denial(timelyFiling(LifecycleScenario.newClaim()));

        assertThat(denial.process()).isWaitingAt(Tasks.CHECK_TIMELY_FILING_PROOF);
        assertThat(scenario.rootCause(denial.id())).isEqualTo("TIMELY_FILING");
        assertThat(denial.process()).task().hasCandidateGroup("appeals");

        scenario.complete(denial, Tasks.CHECK_TIMELY_FILING_PROOF, "proofOfTimelyFiling", "true",
                "proofDescription", "277CA accepted 2026-01-12");

        assertThat(denial.process()).hasPassed("Gateway_HasProof").isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void asksForAWriteOffOfATimelyFilingDenialWithoutProof() {
        Denied denial = scenario.denial(timelyFiling(LifecycleScenario.newClaim()));

        scenario.complete(denial, Tasks.CHECK_TIMELY_FILING_PROOF, "proofOfTimelyFiling", "false");

        assertThat(denial.process()).hasPassed("Gateway_HasProof").hasNotPassed(Tasks.PREPARE_APPEAL)
                .isWaitingAt(Tasks.DECIDE_WRITE_OFF);
    }

    /** CO-29 on a commercial claim: the filing limit expired; appealable with proof. */
    private static Era835 timelyFiling(String claim) {
        return Era835.denial(claim, "CO", "29", "220.00");
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;

/** A correctable denial: corrected, resubmitted, and answered by the payer's next 835 or by a follow-up call. */
@LifecycleProcessTest
class CorrectionPathTest {

    @Autowired
    LifecycleScenario scenario;

    @Test
    void recoversDenialWhenCorrectedClaimIsPaid() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "16", "180.00").procedure("90791"));

        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM)
                .variables().containsEntry("rootCause", "MISSING_INFORMATION").containsEntry("queue", "coding");
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                "whatChanged", "diagnosis F41.1 added", "correctionReason", "intake note names the diagnosis");

        assertThat(denial.process()).hasPassed("Task_RecordCorrectedClaim", "Task_ResubmitClaim")
                .isWaitingAt("Gateway_AwaitCorrectionAnswer");
        assertThat(scenario.status(denial.id())).isEqualTo("CORRECTION_SUBMITTED");
        assertThat(scenario.correctedClaims(denial.id())).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("what_changed", "diagnosis F41.1 added")
                    .containsEntry("reason", "intake note names the diagnosis")
                    .containsEntry("corrected_by", LifecycleScenario.BILLER.id());
            assertThat(row.get("submitted_at")).isNotNull();
        });

        scenario.ingest(Era835.payment(claim, "172.50").procedure("90791").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Gateway_CorrectionAnswer", "Task_RecordRecovery")
                .isEnded().hasPassed("End_Recovered");
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).isEqualByComparingTo("172.50");
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A correctable denial: corrected, resubmitted, and answered by the payer's next 835 or by a follow-up call. */
@LifecycleProcessTest
class CorrectionPathIT {

    private static final String AWAIT_ANSWER = "Gateway_AwaitCorrectionAnswer";
    private static final String FOLLOW_UP_DUE = "Timer_CorrectionFollowUpDue";

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recoversDenialWhenCorrectedClaimIsPaid() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(missingInformation(claim));

        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
        assertThat(scenario.rootCause(denial.id())).isEqualTo("MISSING_INFORMATION");
        assertThat(denial.process()).task().hasCandidateGroup("coding");
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");

        resubmit(denial);

        assertThat(denial.process()).hasPassed("Task_RecordCorrectedClaim", "Task_ResubmitClaim")
                .isWaitingAt(AWAIT_ANSWER);
        assertThat(scenario.status(denial.id())).isEqualTo("CORRECTION_SUBMITTED");
        assertThat(scenario.correctedClaims(denial.id())).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("what_changed", "diagnosis F41.1 added")
                    .containsEntry("reason", "intake note names the diagnosis")
                    .containsEntry("corrected_by", LifecycleScenario.BILLER.id());
            assertThat(row.get("submitted_at")).isNotNull();
        });

        scenario.ingest(Era835.payment(claim, "172.50").procedure("90791").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_CorrectionAnswerReceived", "Gateway_CorrectionAnswer",
                "Task_RecordRecovery", "End_Recovered").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).isEqualByComparingTo("172.50");
    }

    @Test
    void appealsWhenCorrectedClaimIsDeniedAgain() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(missingInformation(claim));
        resubmit(denial);

        scenario.ingest(Era835.denial(claim, "CO", "16", "180.00").procedure("90791").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_CorrectionAnswerReceived", "Gateway_CorrectionAnswer")
                .isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(denial.process()).task().hasCandidateGroup("appeals");
        assertThat(scenario.status(denial.id())).as("reopened by the new task").isEqualTo("OPEN");
        long answer = scenario.denialsOfClaim(claim).get(1);
        assertThat(scenario.status(answer)).isEqualTo("FOLLOW_UP");
        assertThat(jdbc.queryForObject("select follows_denial_id from denial where id = ?", Long.class, answer))
                .isEqualTo(denial.id());
        assertThat(scenario.processOf(answer)).as("carried by the first denial's process")
                .isEqualTo(denial.processInstanceId());
    }

    @Test
    void followsUpUntilThePayerSaysPaid() {
        Denied denial = scenario.denial(missingInformation(LifecycleScenario.newClaim()));
        resubmit(denial);
        assertThat(scenario.timeUntil(denial, FOLLOW_UP_DUE)).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));

        scenario.fireTimer(denial, FOLLOW_UP_DUE);

        assertThat(denial.process()).isWaitingAt(Tasks.FOLLOW_UP_CORRECTION);
        assertThat(denial.process()).task().hasCandidateGroup("coding");
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");

        scenario.complete(denial, Tasks.FOLLOW_UP_CORRECTION, "followUpOutcome", "PENDING",
                "followUpNote", "call ref 7781: in process");

        assertThat(denial.process()).hasPassed("Gateway_FollowUpCorrectionOutcome").isWaitingAt(AWAIT_ANSWER);
        assertThat(scenario.timeUntil(denial, FOLLOW_UP_DUE)).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));

        scenario.fireTimer(denial, FOLLOW_UP_DUE);
        scenario.complete(denial, Tasks.FOLLOW_UP_CORRECTION, "followUpOutcome", "PAID");

        assertThat(denial.process()).hasPassed("Task_RecordRecovery", "End_Recovered").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(denial.id())).as("no 835 said how much: the amount at risk")
                .isEqualByComparingTo("180.00");
    }

    @Test
    void appealsWhenFollowUpFindsTheCorrectedClaimDenied() {
        Denied denial = scenario.denial(missingInformation(LifecycleScenario.newClaim()));
        resubmit(denial);
        scenario.fireTimer(denial, FOLLOW_UP_DUE);

        scenario.complete(denial, Tasks.FOLLOW_UP_CORRECTION, "followUpOutcome", "DENIED");

        assertThat(denial.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(scenario.status(denial.id())).isEqualTo("OPEN");
    }

    @Test
    void appealsInsteadWhenThereIsNothingToCorrect() {
        Denied denial = scenario.denial(missingInformation(LifecycleScenario.newClaim()));

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "APPEAL");

        assertThat(denial.process()).hasPassed("Gateway_CorrectionOutcome").hasNotPassed("Task_RecordCorrectedClaim")
                .isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(scenario.correctedClaims(denial.id())).isEmpty();
    }

    @Test
    void passesToThePatientWhenTheBillerSaysThePatientOwes() {
        // OA, not CO: a contractual denial is never the patient's without a manager's override (HoldHarmlessIT)
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "OA", "16", "180.00")
                .procedure("90791"));

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "PATIENT");

        assertThat(denial.process()).isWaitingAt(Tasks.BILL_PATIENT);
        assertThat(denial.process()).task().hasCandidateGroup("patient-accounts");

        scenario.complete(denial, Tasks.BILL_PATIENT, "statementReference", "STMT-2026-0042");

        assertThat(denial.process()).hasPassed("Task_RecordPatientResponsibility", "End_PassedToPatient").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("PATIENT_RESPONSIBILITY");
        assertThat(scenario.recoveredAmount(denial.id())).isNull();
    }

    /** CO-16 on a diagnostic evaluation, no remark: missing information, worked in the coding queue. */
    private static Era835 missingInformation(String claim) {
        return Era835.denial(claim, "CO", "16", "180.00").procedure("90791");
    }

    private void resubmit(Denied denial) {
        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                "whatChanged", "diagnosis F41.1 added", "correctionReason", "intake note names the diagnosis");
    }
}

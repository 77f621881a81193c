package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work paths of the root-cause table (issue 17): an exact duplicate matched to its paid original, a claim the
 * payer has not decided waited on and checked, a psychiatric reduction reviewed, a Medicare timely filing denial
 * closed without appeal rights, an appeal sent back to correction; and the queue each denial reports is the queue
 * where its open work is.
 */
@LifecycleProcessTest
class WorkPathsIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void closesAnExactDuplicateOfAPaidClaimWithoutAWriteOff() {
        String claim = LifecycleScenario.newClaim();
        scenario.ingest(Era835.payment(claim, "150.00").bytes());

        Denied duplicate = scenario.denial(Era835.denial(claim, "OA", "18", "150.00"));

        assertThat(duplicate.process()).hasPassed(Tasks.MATCH_PAID_ORIGINAL, "Gateway_PaidOriginalFound",
                "Task_CloseAsDuplicate", "End_ClosedAsDuplicate").hasNotPassed(Tasks.DECIDE_WRITE_OFF).isEnded();
        assertThat(scenario.status(duplicate.id())).isEqualTo("DUPLICATE_OF_PAID");
        assertThat(jdbc.queryForObject("select closing_reason from denial where id = ?", String.class, duplicate.id()))
                .isEqualTo("PAID_ORIGINAL_MATCHED");
    }

    @Test
    void worksAnExactDuplicateWhenNoPaidOriginalIsOnFile() {
        Denied duplicate = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "OA", "18", "150.00"));

        assertThat(duplicate.process()).hasPassed(Tasks.MATCH_PAID_ORIGINAL).isWaitingAt(Tasks.CORRECT_CLAIM);
        assertThat(duplicate.process()).task().hasCandidateGroup("coding");
        assertThat(queueOf(duplicate)).isEqualTo("coding");
    }

    @Test
    void waitsForAPendingClaimThenChecksItsStatusUntilThePayerDecides() {
        Denied pending = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "133", "180.00"));

        assertThat(pending.process()).isWaitingAt("Timer_ClaimStatusCheckDue").hasNotPassed(Tasks.DECIDE_WRITE_OFF);
        scenario.fireTimer(pending, "Timer_ClaimStatusCheckDue");
        assertThat(pending.process()).isWaitingAt(Tasks.CHECK_CLAIM_STATUS);
        assertThat(pending.process()).task().hasCandidateGroup("appeals");
        scenario.complete(pending, Tasks.CHECK_CLAIM_STATUS, "claimStatusOutcome", "PENDING",
                "claimStatusNote", "portal: in review");
        assertThat(pending.process()).isWaitingAt("Timer_ClaimStatusCheckDue");
        scenario.fireTimer(pending, "Timer_ClaimStatusCheckDue");

        scenario.complete(pending, Tasks.CHECK_CLAIM_STATUS, "claimStatusOutcome", "DENIED");

        assertThat(pending.process()).hasPassed("Gateway_ClaimStatusOutcome", "Task_ScreenForParity")
                .isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void recordsTheRecoveryWhenThePendingClaimWasPaid() {
        Denied pending = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "133", "180.00"));
        scenario.fireTimer(pending, "Timer_ClaimStatusCheckDue");

        scenario.complete(pending, Tasks.CHECK_CLAIM_STATUS, "claimStatusOutcome", "PAID");

        assertThat(pending.process()).hasPassed("Task_RecordRecovery", "End_Recovered").isEnded();
        assertThat(scenario.status(pending.id())).isEqualTo("RECOVERED");
    }

    @Test
    void endsTheWaitWhenTheNextRemittancePaysThePendingClaim() {
        String claim = LifecycleScenario.newClaim();
        Denied pending = scenario.denial(Era835.denial(claim, "CO", "133", "180.00"));

        scenario.ingest(Era835.payment(claim, "180.00").bytes());
        scenario.runJobs(pending.processInstanceId());

        assertThat(pending.process()).hasPassed("End_RecoveredMeanwhile").hasNotPassed(Tasks.CHECK_CLAIM_STATUS)
                .isEnded();
        assertThat(scenario.status(pending.id())).isEqualTo("RECOVERED");
    }

    @Test
    void disputesAPsychiatricReductionThroughTheParityScreen() {
        Denied reduced = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "122", "60.00"));

        assertThat(reduced.process()).isWaitingAt(Tasks.REVIEW_REDUCTION);
        assertThat(reduced.process()).task().hasCandidateGroup("appeals");
        scenario.complete(reduced, Tasks.REVIEW_REDUCTION, "reductionDecision", "DISPUTE",
                "reductionNote", "no reduction on medical office visits");

        assertThat(reduced.process()).hasPassed("Gateway_ReductionDecision", "Task_ScreenForParity")
                .isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void asksForAWriteOffOfAReductionTheBillerAccepts() {
        Denied reduced = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "122", "60.00"));

        scenario.complete(reduced, Tasks.REVIEW_REDUCTION, "reductionDecision", "ACCEPT");

        assertThat(reduced.process()).hasNotPassed("Task_ScreenForParity").isWaitingAt(Tasks.DECIDE_WRITE_OFF);
        assertThat(queueOf(reduced)).isEqualTo("managers");
    }

    @Test
    void closesAMedicareTimelyFilingDenialWithoutProofSinceItHasNoAppealRights() {
        Denied late = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "29", "95.00").filing("MB"));

        assertThat(late.process()).isWaitingAt(Tasks.CHECK_TIMELY_FILING_PROOF);
        scenario.complete(late, Tasks.CHECK_TIMELY_FILING_PROOF, "proofOfTimelyFiling", "false");

        assertThat(late.process()).hasPassed("Task_CloseWithoutAppealRights", "End_ClosedNoAppealRights")
                .hasNotPassed(Tasks.DECIDE_WRITE_OFF, Tasks.PREPARE_APPEAL).isEnded();
        assertThat(scenario.status(late.id())).isEqualTo("WRITTEN_OFF");
    }

    @Test
    void asksForAMedicareReopeningOnlyWithProof() {
        Denied late = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "29", "95.00").filing("MB"));

        scenario.complete(late, Tasks.CHECK_TIMELY_FILING_PROOF, "proofOfTimelyFiling", "true",
                "proofDescription", "277CA accepted within the year");

        assertThat(late.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void reportsTheAppealsQueueForAnAppealableCredentialingDenialAndFollowsItBackToCorrection() {
        Denied notCertified = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "B7", "210.00"));

        assertThat(notCertified.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
        assertThat(queueOf(notCertified)).isEqualTo("appeals");

        scenario.complete(notCertified, Tasks.PREPARE_APPEAL, "appealAction", "CORRECT");

        assertThat(notCertified.process()).hasPassed("Gateway_AppealAction").isWaitingAt(Tasks.CORRECT_CLAIM);
        assertThat(notCertified.process()).task().hasCandidateGroup("credentialing");
        assertThat(queueOf(notCertified)).isEqualTo("credentialing");
    }

    private String queueOf(Denied denial) {
        return jdbc.queryForObject("select queue from denial where id = ?", String.class, denial.id());
    }
}

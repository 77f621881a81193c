package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.overturn.claimstatus.ClaimStatusFollowUps;
import org.overturn.claimstatus.ClaimStatusProperties;
import org.overturn.claimstatus.StatusAnswers;
import org.overturn.claimstatus.UnansweredClaimFiles;
import org.overturn.intake.FileIntake;
import org.overturn.intake.IntakeResult;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A claim no 835 answered, followed up with a 276: the payer's 277 answer, read through the intake door, closes the
 * follow-up (finalized, paid), leaves a task to work the denial (finalized, denied) or to resubmit the claim (not on
 * file), or waits and asks again with a new 276 (pending) until the last request allowed, then goes to the managers.
 * The biller's own record of the status stays.
 */
@LifecycleProcessTest
class ClaimStatusFollowUpPathIT {

    @Autowired
    ClaimStatusFollowUps followUps;
    @Autowired
    ClaimStatusProperties properties;
    @Autowired
    FileIntake intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    LifecycleScenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String payer = "FP" + run;
    final UnansweredClaimFiles files = new UnansweredClaimFiles(run, payer);

    @Test
    void aFinalizedPaidAnswerClosesTheFollowUp() {
        Denied followUp = followUp("PD");

        assertThat(answer(followUp, "F1:65", "150.00").claimStatus().acted()).isEqualTo(1);

        assertThat(followUp.process()).hasPassed("Event_StatusAnswered", "Task_RecordStatusAnswer",
                "End_ClaimFinalized").hasNotPassed("Task_RecordClaimStatus").isEnded();
        assertThat(status(followUp)).isEqualTo("PAID");
        assertThat(closed(followUp)).isTrue();
    }

    @Test
    void aFinalizedDenialLeavesATaskToWorkTheDenial() {
        Denied followUp = followUp("DN");

        answer(followUp, "F2:88", "0");

        assertThat(followUp.process()).isWaitingAt("Task_WorkDeniedClaim");
        assertThat(status(followUp)).isEqualTo("DENIED");
        assertThat(closed(followUp)).as("open until the biller says what was done").isFalse();
        scenario.complete(followUp, "Task_WorkDeniedClaim", "claimStatusWork", "AWAIT_835", "claimStatusNote",
                "payer says the 835 goes out Friday");

        assertThat(followUp.process()).hasPassed("Task_RecordDeniedWork", "End_ClaimDenied").isEnded();
        ClaimStatusFollowUps.FollowUp done = followUps.find(followUp.id()).orElseThrow();
        assertThat(done.status()).isEqualTo("DENIED");
        assertThat(done.outcomeNote()).isEqualTo("AWAIT_835: payer says the 835 goes out Friday");
        assertThat(done.decidedBy()).isEqualTo(LifecycleScenario.BILLER.id());
    }

    @Test
    void aClaimNotOnFileAtThePayerIsATaskToResubmitIt() {
        Denied followUp = followUp("NF");

        answer(followUp, "A4:35", "0");

        assertThat(followUp.process()).isWaitingAt("Task_ResubmitClaim");
        assertThat(status(followUp)).isEqualTo("NOT_ON_FILE");
        scenario.complete(followUp, "Task_ResubmitClaim", "claimStatusWork", "RESUBMITTED");

        assertThat(followUp.process()).hasPassed("Task_RecordResubmission", "End_ClaimResubmitted").isEnded();
        assertThat(followUps.find(followUp.id()).orElseThrow().outcomeNote()).isEqualTo("RESUBMITTED");
        assertThat(closed(followUp)).isTrue();
    }

    @Test
    void aPendingClaimWaitsIsAskedAgainWithANew276AndTakesTheAnswerThatComesWhileItWaits() {
        Denied followUp = followUp("PE");
        String first = followUps.find(followUp.id()).orElseThrow().trace();

        answer(followUp, "P1:20", "0");

        assertThat(followUp.process()).as("a new 276 or the payer's next answer, whichever comes first")
                .isWaitingAt("Gateway_WaitForAnswer");
        assertThat(status(followUp)).isEqualTo("PENDING");
        assertThat(scenario.timeUntil(followUp, "Timer_AskAgain"))
                .isBetween(properties.askAgainAfter().minusMinutes(1), properties.askAgainAfter());

        scenario.fireTimer(followUp, "Timer_AskAgain");

        assertThat(followUp.process()).hasPassed("Task_AskAgain").isWaitingAt("Task_FollowUpUnansweredClaim");
        ClaimStatusFollowUps.FollowUp askedAgain = followUps.find(followUp.id()).orElseThrow();
        assertThat(askedAgain.asks()).isEqualTo(2);
        assertThat(askedAgain.status()).isEqualTo("OPEN");
        assertThat(askedAgain.trace()).isEqualTo(first + "-2");
        assertThat(read(askedAgain.outboxPath())).contains("TRN*1*" + first + "-2~", "REF*1K*PAYER-PE" + run + "~");
        assertThat(jdbc.queryForObject("select count(*) from claim_status_request where inquiry_id = ?", Long.class,
                followUp.id())).isEqualTo(2);

        answer(followUp, "P2:20", "0");
        assertThat(followUp.process()).isWaitingAt("Gateway_WaitForAnswer");
        answer(followUp, "F1:65", "150.00");

        assertThat(followUp.process()).hasPassed("Event_AnsweredWhileWaiting", "End_ClaimFinalized").isEnded();
        assertThat(status(followUp)).isEqualTo("PAID");
    }

    @Test
    void aClaimStillPendingAfterTheLastRequestAllowedGoesToTheManagers() {
        Denied followUp = followUp("ES");
        for (int ask = 1; ask < properties.maxAsks(); ask++) {
            answer(followUp, "P1:20", "0");
            scenario.fireTimer(followUp, "Timer_AskAgain");
        }
        assertThat(followUps.find(followUp.id()).orElseThrow().asks()).isEqualTo(properties.maxAsks());

        answer(followUp, "P1:20", "0");

        assertThat(followUp.process()).isWaitingAt("Task_ReviewPendingClaim");
        assertThat(status(followUp)).isEqualTo("ESCALATED");
        scenario.complete(followUp, "Task_ReviewPendingClaim", LifecycleScenario.MANAGER, "claimStatusNote",
                "provider relations reprocesses it");

        assertThat(followUp.process()).hasPassed("Task_RecordReview", "End_Escalated").isEnded();
        assertThat(followUps.find(followUp.id()).orElseThrow().outcomeNote())
                .isEqualTo("provider relations reprocesses it");
    }

    @Test
    void aStatusThatDecidesNothingLeavesTheTaskAndTheBillersRecordStays() {
        Denied followUp = followUp("MN");

        assertThat(answer(followUp, "A1:20", "0").claimStatus().acted()).as("received, not yet accepted").isZero();
        assertThat(followUp.process()).isWaitingAt("Task_FollowUpUnansweredClaim");

        scenario.complete(followUp, "Task_FollowUpUnansweredClaim", "claimStatus", "PENDING", "claimStatusNote",
                "called: in review");

        assertThat(followUp.process()).hasPassed("Task_RecordClaimStatus", "End_FollowedUp").isEnded();
        assertThat(status(followUp)).isEqualTo("PENDING");
    }

    /** A claim sent long enough ago, accepted, never answered, and the sweep's follow-up of it. */
    private Denied followUp(String prefix) {
        String pcn = prefix + run;
        LocalDate sent = LocalDate.now().minusDays(properties.daysWithoutAnswer() + 10);
        intake.ingest(pcn + ".837", files.claim(pcn, sent), "UPLOAD", "test");
        intake.ingest(pcn + "-ack.277", files.accepted(pcn, sent.plusDays(1)), "UPLOAD", "test");
        long id = followUps.sweep().stream().filter(f -> f.patientControlNumber().equals(pcn)).findFirst()
                .orElseThrow().id();
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("claim-status:" + id).singleResult();
        assertThat(process).hasPassed("Start_NoAnswer").isWaitingAt("Task_FollowUpUnansweredClaim");
        return new Denied(id, process);
    }

    /** The payer's 277 to the latest 276 of the follow-up, through the intake door. */
    private IntakeResult answer(Denied followUp, String categoryAndStatus, String paid) {
        String outbox = followUps.find(followUp.id()).orElseThrow().outboxPath();
        IntakeResult result = intake.ingest("answer-" + UUID.randomUUID() + ".277",
                StatusAnswers.to(read(outbox).getBytes()).with(categoryAndStatus, paid, LocalDate.now()), "UPLOAD",
                "test");
        assertThat(result.kind()).isEqualTo("277");
        assertThat(result.claimStatus().matchedByTrace()).isEqualTo(1);
        scenario.runJobs(followUp.processInstanceId());
        return result;
    }

    private String status(Denied followUp) {
        return followUps.find(followUp.id()).orElseThrow().status();
    }

    private boolean closed(Denied followUp) {
        return jdbc.queryForObject("select closed_at is not null from claim_status_inquiry where id = ?",
                Boolean.class, followUp.id());
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;
import org.overturn.intake.FileIntake;
import org.overturn.intake.IntakeResult;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A correctable denial whose claim is on file: completing <em>Correct claim</em> with structured changes makes the
 * replacement (or void) 837 from the claim as billed, releases it to the clearinghouse outbox, and the payer's answer
 * to the replacement reaches the same denial, even under a new patient control number (REF*F8).
 */
@LifecycleProcessTest
class ReplacementClaimPathIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    FileIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    static final LocalDate TODAY = LocalDate.now();

    @Test
    void aCorrectedClaimOnFileBecomesAReplacementInTheOutboxAndItsAnswerRecoversTheDenial() throws Exception {
        String pcn = LifecycleScenario.newClaim();
        sendClaim(pcn);
        Denied denial = scenario.denial(Era835.denial(pcn, "CO", "16", "180.00").procedure("90791").on(TODAY));

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                "correctedDiagnoses", "F41.1, F33.1", "correctedAuthorization", "AUTH-9",
                "correctionReason", "intake note names the anxiety diagnosis first");

        assertThat(denial.process()).hasPassed("Task_RecordCorrectedClaim", "Task_ResubmitClaim");
        Map<String, Object> made = jdbc.queryForMap("""
                select frequency, interchange_control_number, generated_by, released_by, outbox_path, content
                  from replacement_claim where denial_id = ?""", denial.id());
        assertThat(made).containsEntry("frequency", "7").containsEntry("generated_by", LifecycleScenario.BILLER.id())
                .containsEntry("released_by", LifecycleScenario.BILLER.id());
        Path released = Path.of((String) made.get("outbox_path"));
        assertThat(released).exists().hasParent(released.getParent());
        assertThat(released.getParent().toString()).endsWith("outbox/837");
        ClaimFile replacement = ClaimParser.standard().parse(Files.readAllBytes(released));
        BilledClaim claim = replacement.transactions().get(0).claims().get(0);
        assertThat(claim.frequency()).isEqualTo("7");
        assertThat(claim.originalReference()).isEqualTo("ICN-" + pcn);
        assertThat(claim.patientControlNumber()).isEqualTo(pcn);
        assertThat(claim.diagnoses()).containsExactly("F411", "F331");
        assertThat(claim.priorAuthorization()).isEqualTo("AUTH-9");
        assertThat(claim.lines()).singleElement().satisfies(l -> assertThat(l.procedure()).isEqualTo("90791"));
        assertThat(correction(denial.id())).containsEntry("what_changed", "diagnoses F411, F331; prior authorization AUTH-9")
                .containsEntry("frequency", "7").containsEntry("replacement_problem", null);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CORRECTED_CLAIM_RELEASED' "
                + "and record_id = ?", Long.class, String.valueOf(denial.id()))).isEqualTo(1);

        // the practice's system gave the replacement a new account number: the payer's REF*F8 still names it
        scenario.ingest(Era835.payment(pcn + "R", "172.50").procedure("90791").replacing("ICN-" + pcn).on(TODAY)
                .bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_CorrectionAnswerReceived", "End_Recovered").isEnded();
        assertThat(scenario.status(denial.id())).isEqualTo("RECOVERED");
    }

    @Test
    void aVoidIsAFrequencyEightOfTheClaimAsBilled() throws Exception {
        String pcn = LifecycleScenario.newClaim();
        sendClaim(pcn);
        Denied denial = scenario.denial(Era835.denial(pcn, "CO", "16", "180.00").procedure("90791").on(TODAY));

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED", "claimFrequency", "VOID",
                "correctionReason", "the session was billed twice");

        byte[] content = jdbc.queryForObject("select content from replacement_claim where denial_id = ?",
                byte[].class, denial.id());
        BilledClaim claim = ClaimParser.standard().parse(content).transactions().get(0).claims().get(0);
        assertThat(claim.frequency()).isEqualTo("8");
        assertThat(claim.originalReference()).isEqualTo("ICN-" + pcn);
        assertThat(claim.diagnoses()).containsExactly("F331");
    }

    @Test
    void withoutAClaimOnFileTheCorrectionIsKeptAndMarkedForResubmissionByHand() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00")
                .procedure("90791"));

        scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                "correctedProcedure", "90792", "correctionReason", "the psychiatrist did the evaluation");

        assertThat(denial.process()).hasPassed("Task_ResubmitClaim");
        assertThat(jdbc.queryForObject("select count(*) from replacement_claim where denial_id = ?", Long.class,
                denial.id())).isZero();
        assertThat((String) correction(denial.id()).get("replacement_problem")).contains("No claim (837) on file");
    }

    private Map<String, Object> correction(long denialId) {
        return jdbc.queryForMap("select what_changed, frequency, replacement_problem from corrected_claim "
                + "where denial_id = ?", denialId);
    }

    private void sendClaim(String pcn) {
        var line = new BilledLine(1, null, "HC", "90791", List.of(), new BigDecimal("180.00"), "UN", BigDecimal.ONE,
                null, List.of(1), TODAY, null, null, null, null);
        var patient = new ClaimPerson("M100", "DOE", "JANE", LocalDate.of(1990, 1, 2), "F",
                new ClaimAddress("1 ELM ST", null, "SPRINGFIELD", "IL", "62701"));
        var claim = new BilledClaim(ClaimKind.PROFESSIONAL, pcn, new BigDecimal("180.00"), "11", "B", "1",
                new ClaimParty("OVERTURN TEST HEALTH", "OTH01"),
                new ClaimProvider("1234567893", "OVERTURN CLINIC", null, "261QM0801X", "123456789",
                        new ClaimAddress("200 MAIN ST", null, "SPRINGFIELD", "IL", "62701")),
                null, patient, patient, "CI", List.of("F331"), null, null, null, null, null, null, null, List.of(),
                List.of(line));
        long control = Math.abs(pcn.hashCode() % 900_000_000L) + 1;
        byte[] file = ClaimWriter.standard().write(new ClaimBatch(ClaimKind.PROFESSIONAL, "OVTCLINIC", "CLEARHOUSE",
                control, LocalDateTime.of(TODAY, LocalTime.NOON), "B-" + pcn, false,
                new ClaimParty("OVERTURN CLINIC", "OVTCLINIC"), "BILLING", "2175550100",
                new ClaimParty("CLEARING HOUSE", "CLEARHOUSE"), List.of(claim)));
        IntakeResult result = intake.ingest(pcn + ".837", file, "test", "process-test");
        assertThat(result.outcome()).as(result.error()).isEqualTo(IntakeResult.Outcome.STORED);
    }
}

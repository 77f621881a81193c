package org.overturn.recoupment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.overturn.payer.PayerDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PLB take-backs become recoupments joined to the claims their references name, each reviewed in patient accounts:
 * accepted (closed as RECOUPMENT_ACCEPTED), or disputed in the appeals queue by the payer's appeal window until the
 * payer reverses or upholds it; interest and other PLB amounts that give money are not recoupments. The dashboard
 * counts them.
 */
@OverturnIntegrationTest
class RecoupmentsIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    Recoupments recoupments;
    @Autowired
    TaskService tasks;
    @Autowired
    PayerDirectory payers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate anonymous;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final String payer = "RCP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void takeBacksBecomeWorkItemsJoinedToTheirClaimsAcceptedOrDisputed() {
        intake.ingest(payer + "-paid.835", KnownRemittance.from(payer, "RECOUPING PLAN", payer + "A", "20260105", "200")
                .claim("CLP*R1*1*120*120**12*ICN555", "SVC*HC:90837*120*120**1", "DTM*472*20251220")
                .claim("CLP*R2*1*80*80**12*ICN777", "SVC*HC:90834*80*80**1", "DTM*472*20251221")
                .bytes(), "UPLOAD", "test");
        // 300 paid - (120 + 80 - 2.50 interest + 30) taken back = 72.50
        intake.ingest(payer + "-recoup.835", KnownRemittance.from(payer, "RECOUPING PLAN", payer + "B", "20260305",
                        "72.5")
                .claim("CLP*R3*1*300*300**12*ICN999", "SVC*HC:90837*300*300**1", "DTM*472*20260220")
                .claim("PLB*1234567893*20261231*WO:R1 20251220 ICN555*120*WO:ICN777*80*L6*-2.5*WO:NOPE999*30")
                .bytes(), "UPLOAD", "test");

        List<Recoupment> found = recoupments.list(null, payer, new org.overturn.security.CurrentUser("admin",
                java.util.Set.of(org.overturn.security.Roles.ADMIN), java.util.Set.of()));
        assertThat(found).extracting(Recoupment::reason, r -> r.amount().toPlainString(), Recoupment::patientControlNumber,
                        Recoupment::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("WO", "120.00", "R1", RecoupmentStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("WO", "80.00", "R2", RecoupmentStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("WO", "30.00", null, RecoupmentStatus.OPEN));
        Recoupment overpaid = only(found, "R1");
        Recoupment disputed = only(found, "R2");
        assertThat(overpaid.claimPaymentId()).isEqualTo(jdbc.queryForObject("""
                select cp.id from claim_payment cp join remittance r on r.id = cp.remittance_id
                 where r.payer_id = ? and cp.patient_control_number = 'R1'""", Long.class, payer));
        assertThat(overpaid.reasonMeaning()).startsWith("Overpayment recovery");
        for (Recoupment r : found) {
            assertThat(reviewTask(r.id()).getTaskDefinitionKey()).isEqualTo(Recoupments.REVIEW_TASK);
            assertThat(tasks.getIdentityLinksForTask(reviewTask(r.id()).getId()))
                    .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("patient-accounts"));
        }

        var accepted = rest("biller").postForEntity("/api/recoupments/" + overpaid.id() + "/decision",
                Map.of("decision", "ACCEPT", "note", "Paid twice: the take-back is right"), JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("RECOUPMENT_ACCEPTED");
        assertThat(accepted.getBody().get("decidedBy").asText()).isEqualTo("biller");
        assertThat(reviewTask(overpaid.id())).isNull();
        assertThat(rest("biller").postForEntity("/api/recoupments/" + overpaid.id() + "/decision",
                Map.of("decision", "DISPUTE"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var dispute = rest("biller").postForEntity("/api/recoupments/" + disputed.id() + "/decision",
                Map.of("decision", "DISPUTE", "note", "Paid right: the contract rate"), JsonNode.class);
        assertThat(dispute.getBody().get("status").asText()).isEqualTo("DISPUTED");
        // no denial brought the payer into the directory: the configured default window (60 days) applies
        assertThat(payers.profile(payer)).isEmpty();
        int window = 60;
        LocalDate due = LocalDate.parse(dispute.getBody().get("disputeDueOn").asText());
        assertThat(due).isEqualTo(LocalDate.now().plusDays(window));
        Task disputeTask = reviewTask(disputed.id());
        assertThat(disputeTask.getTaskDefinitionKey()).isEqualTo(Recoupments.DISPUTE_TASK);
        assertThat(disputeTask.getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()).isEqualTo(due);
        assertThat(tasks.getIdentityLinksForTask(disputeTask.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("appeals"));
        assertThat(rest("manager").postForEntity("/api/recoupments/" + disputed.id() + "/dispute-outcome",
                Map.of("outcome", "REVERSED"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var reversed = rest("biller").postForEntity("/api/recoupments/" + disputed.id() + "/dispute-outcome",
                Map.of("outcome", "REVERSED", "note", "Payer returned it on ERA 9911"), JsonNode.class);
        assertThat(reversed.getBody().get("status").asText()).isEqualTo("REVERSED");

        assertThat(WebClient.anonymous(port).as("manager").get("/dashboard?payer=" + payer).body()).contains(
                "id=\"kpi-recouped\">$150.00<",
                "2 take-backs · 1 open, 0 disputed ($30.00) · 1 reversed ($80.00)");
    }

    @Test
    void interestAndLeviesAreNotRecoupments() {
        assertThat(new ProviderAdjustmentReasons().isRecoupment("L6", new java.math.BigDecimal("-2.50"))).isFalse();
        assertThat(new ProviderAdjustmentReasons().isRecoupment("IR", new java.math.BigDecimal("40.00"))).isFalse();
        assertThat(new ProviderAdjustmentReasons().isRecoupment("WO", new java.math.BigDecimal("-40.00"))).isFalse();
        assertThat(new ProviderAdjustmentReasons().isRecoupment("FB", new java.math.BigDecimal("40.00"))).isTrue();
        assertThat(new ProviderAdjustmentReasons().isRecoupment("ZZ", new java.math.BigDecimal("1.00"))).isTrue();
    }

    private Task reviewTask(long id) {
        return tasks.createTaskQuery().processInstanceBusinessKey("recoupment:" + id).singleResult();
    }

    private static Recoupment only(List<Recoupment> found, String claim) {
        return found.stream().filter(r -> claim.equals(r.patientControlNumber())).findFirst().orElseThrow();
    }

    private TestRestTemplate rest(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }
}

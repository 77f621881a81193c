package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.overturn.payer.CorrectedClaimClock;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PayerDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A corrected claim's filing limit: the payer's timely-filing days from the date of service or from its last action,
 * shown with the denial, and checked when the biller says the claim is corrected: past a confirmed limit the
 * resubmission is refused, past a default nobody confirmed it is only shown.
 */
@OverturnIntegrationTest
class CorrectedClaimFilingIT {

    static final LocalDate SERVED = LocalDate.now().minusDays(200);
    static final LocalDate REMITTED = LocalDate.now().minusDays(10);

    @Autowired
    RemittanceIntake intake;
    @Autowired
    PayerDirectory payers;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    final String id = "CF" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void aCorrectedClaimPastTheConfirmedLimitFromTheDateOfServiceIsRefused() {
        confirm(90);
        long denial = correctable();

        JsonNode filing = detail(denial).get("correctedClaimFiling");
        assertThat(filing.get("limitDays").asInt()).isEqualTo(90);
        assertThat(filing.get("countsFrom").asText()).isEqualTo("DATE_OF_SERVICE");
        assertThat(filing.get("from").asText()).isEqualTo(SERVED.toString());
        assertThat(filing.get("dueOn").asText()).isEqualTo(SERVED.plusDays(90).toString());
        assertThat(filing.get("withinLimit").asBoolean()).isFalse();
        assertThat(filing.get("termsConfirmed").asBoolean()).isTrue();

        ResponseEntity<JsonNode> refused = correct(denial);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().at("/fields/correctionOutcome").asText())
                .contains("90 days from the date of service", "passed on " + SERVED.plusDays(90), "appeal instead");
    }

    @Test
    void aPayerThatCountsFromItsLastActionTakesTheCorrectedClaim() {
        confirm(90);
        payers.routeAppeals(id, new PayerAppealTerms(null, false, null, CorrectedClaimClock.LAST_PAYER_ACTION),
                "manager");
        long denial = correctable();

        JsonNode filing = detail(denial).get("correctedClaimFiling");
        assertThat(filing.get("countsFrom").asText()).isEqualTo("LAST_PAYER_ACTION");
        assertThat(filing.get("dueOn").asText()).isEqualTo(REMITTED.plusDays(90).toString());
        assertThat(filing.get("daysLeft").asLong()).isEqualTo(80);
        assertThat(filing.get("withinLimit").asBoolean()).isTrue();

        assertThat(correct(denial).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void aLimitThatRestsOnDefaultTermsIsShownNotEnforced() {
        long denial = correctable();

        JsonNode filing = detail(denial).get("correctedClaimFiling");
        assertThat(filing.get("termsConfirmed").asBoolean()).isFalse();
        assertThat(filing.get("withinLimit").asBoolean()).isFalse();
        assertThat(correct(denial).getStatusCode().value()).isEqualTo(204);
        assertThat(detail(correctableAppealOnly()).get("correctedClaimFiling").isNull())
                .as("nothing to correct on a medical-necessity denial").isTrue();
    }

    private void confirm(int timelyFilingDays) {
        var response = rest.withBasicAuth("manager", "demo").exchange("/api/payers/" + id, HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "ACME HEALTH", "planType", "COMMERCIAL", "appealLimitDays", "180",
                        "timelyFilingDays", String.valueOf(timelyFilingDays))), JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    }

    private long correctable() {
        return denial("CAS*CO*16*150");
    }

    private long correctableAppealOnly() {
        return denial("CAS*CO*50*150");
    }

    private long denial(String cas) {
        String claim = "CF" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        intake.ingest(claim + ".835", KnownRemittance.from(id, "ACME HEALTH", claim, ymd.format(REMITTED), "0")
                .claim("CLP*" + claim + "*4*150*0**12", cas, "SVC*HC:90837*150*0**1",
                        "DTM*472*" + ymd.format(SERVED)).bytes(), "UPLOAD", "test");
        return jdbc.queryForObject("select id from denial where patient_control_number = ?", Long.class, claim);
    }

    private ResponseEntity<JsonNode> correct(long denial) {
        String task = org.awaitility.Awaitility.await("the Correct claim task").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> jdbc.query("""
                        select t.id_ from act_ru_task t join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                         where dp.denial_id = ? and t.task_def_key_ = 'Task_CorrectClaim'""",
                        (rs, i) -> rs.getString(1), denial).stream().findFirst().orElse(null), t -> t != null);
        return rest.withBasicAuth("biller", "demo").postForEntity("/api/tasks/" + task + "/complete",
                Map.of("correctionOutcome", "CORRECTED", "whatChanged", "Attached the session note",
                        "correctionReason", "Payer asked for documentation"), JsonNode.class);
    }

    private JsonNode detail(long denial) {
        return rest.withBasicAuth("biller", "demo").getForObject("/api/denials/" + denial, JsonNode.class);
    }
}

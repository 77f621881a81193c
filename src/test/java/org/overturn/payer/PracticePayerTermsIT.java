package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.overturn.practice.DemoPractices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two practices, one payer: the practice whose contract sets its own appeal window gets its own due date. */
@OverturnIntegrationTest
class PracticePayerTermsIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    PracticeContracts contracts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @LocalServerPort
    int port;

    final String payer = "PT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final ObjectMapper json = new ObjectMapper();

    private long ingestTo(String pcn, String payee) {
        intake.ingest(pcn + ".835", KnownRemittance.toPayee(payer, "ACME HEALTH", payer + "-" + pcn, "20260302", "0",
                        payee)
                .claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*50*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        return jdbc.queryForObject("select id from denial where patient_control_number = ? and payer_id = ?",
                Long.class, pcn, payer);
    }

    private long practiceIdOf(String npi) {
        return jdbc.queryForObject("select id from practice where group_npi = ?", Long.class, npi);
    }

    private HttpResponse<String> put(String user, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String dueOn(long denial) throws Exception {
        JsonNode one = json.readTree(WebClient.anonymous(port).withBasic("admin").get("/api/denials/" + denial).body());
        return one.get("appeal").get("dueOn").asText();
    }

    @Test
    void thePracticeWithItsOwnWindowGetsItsOwnDueDateAndTheOtherTheDirectorys() throws Exception {
        long other = ingestTo("TB1", "N1*PE*MILLBROOK*XX*" + DemoPractices.PSYCHIATRIC_GROUP.npi());
        long own = practiceIdOf(DemoPractices.GROUP_THERAPY.npi());

        var saved = put("admin", "/api/practices/" + own + "/payer-terms/" + payer, """
                {"appealLimitDays": 45, "timelyFilingDays": 120, "correctedClaimClock": "LAST_PAYER_ACTION",
                 "contractedRates": [{"procedureCode": "90837", "allowedAmount": 140.00, "effectiveFrom": "2026-01-01"}]}
                """);
        assertThat(saved.statusCode()).isEqualTo(200);
        long denial = ingestTo("TA1", "N1*PE*RIVERBEND*XX*" + DemoPractices.GROUP_THERAPY.npi());

        assertThat(dueOn(denial)).isEqualTo("2026-04-16");
        assertThat(dueOn(other)).isNotEqualTo("2026-04-16");
        assertThat(LocalDate.parse(dueOn(other))).isAfter(LocalDate.parse("2026-04-16"));
        JsonNode read = json.readTree(WebClient.anonymous(port).withBasic("admin")
                .get("/api/practices/" + own + "/payer-terms/" + payer).body());
        assertThat(read.get("appealLimitDays").asInt()).isEqualTo(45);
        assertThat(read.get("contractedRates").get(0).get("procedureCode").asText()).isEqualTo("90837");
        assertThat(contracts.rateOn(own, payer, "90837", LocalDate.parse("2026-02-20")))
                .contains(new BigDecimal("140.00"));
        assertThat(contracts.rateOn(own, payer, "90837", LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void aBillerMayNotChangeThemAndBadLimitsOrUnknownPayersAreRefused() throws Exception {
        ingestTo("TC1", "N1*PE*MILLBROOK*XX*" + DemoPractices.PSYCHIATRIC_GROUP.npi());
        long own = practiceIdOf(DemoPractices.GROUP_THERAPY.npi());

        assertThat(put("biller", "/api/practices/" + own + "/payer-terms/" + payer, "{\"appealLimitDays\": 30}")
                .statusCode()).isEqualTo(403);
        assertThat(put("admin", "/api/practices/" + own + "/payer-terms/" + payer, "{\"appealLimitDays\": 0}")
                .statusCode()).isEqualTo(400);
        assertThat(put("admin", "/api/practices/" + own + "/payer-terms/NOSUCHPAYER", "{\"appealLimitDays\": 30}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownPracticeIsNotFoundAndWrongInputIsRefusedSayingWhatIsWrong() throws Exception {
        ingestTo("TD1", "N1*PE*MILLBROOK*XX*" + DemoPractices.PSYCHIATRIC_GROUP.npi());
        long own = practiceIdOf(DemoPractices.GROUP_THERAPY.npi());
        long unknown = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from practice", Long.class);

        var none = put("admin", "/api/practices/" + unknown + "/payer-terms/" + payer, "{\"appealLimitDays\": 30}");
        assertThat(none.statusCode()).as(none.body()).isEqualTo(404);
        assertThat(json.readTree(none.body()).get("error").asText()).isEqualTo("No practice with id " + unknown);
        assertThat(WebClient.anonymous(port).withBasic("admin").get("/api/practices/" + unknown + "/payer-terms")
                .statusCode()).isEqualTo(404);

        var badDate = put("admin", "/api/practices/" + own + "/payer-terms/" + payer, """
                {"contractedRates": [{"procedureCode": "90837", "allowedAmount": 140, "effectiveFrom": "01/2026"}]}""");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDate.body()).get("error").asText())
                .isEqualTo("contractedRates[0].effectiveFrom: expected a date as YYYY-MM-DD");

        var badClock = put("admin", "/api/practices/" + own + "/payer-terms/" + payer,
                "{\"correctedClaimClock\": \"WHENEVER\"}");
        assertThat(badClock.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badClock.body()).get("error").asText()).startsWith("correctedClaimClock: expected one of")
                .contains("LAST_PAYER_ACTION");

        var badRate = put("admin", "/api/practices/" + own + "/payer-terms/" + payer, """
                {"contractedRates": [{"procedureCode": "9083", "modifier": "X", "allowedAmount": -1,
                                      "effectiveFrom": "2026-01-01"}]}""");
        assertThat(badRate.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(badRate.body());
        assertThat(problem.get("error").asText()).contains("contractedRates[0].procedureCode: Enter a five-character")
                .contains("contractedRates[0].modifier: A modifier is two letters or digits");
        assertThat(problem.get("fields").has("contractedRates[0].allowedAmount")).isTrue();

        assertThat(put("admin", "/api/practices/" + own + "/payer-terms/" + payer, "not json").statusCode())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from practice_contracted_rate where payer_id = ?",
                Integer.class, payer)).as("nothing saved").isZero();
    }

    @Test
    void termsReadOnceInATransactionStillShowASaveOfTheSameTransactionAndOfAnEarlierOne() {
        ingestTo("TE1", "N1*PE*MILLBROOK*XX*" + DemoPractices.PSYCHIATRIC_GROUP.npi());
        long own = practiceIdOf(DemoPractices.GROUP_THERAPY.npi());

        transactions.executeWithoutResult(status -> {
            assertThat(contracts.find(own, payer)).isEmpty();
            contracts.save(new PracticePayerTerms(own, payer, 60, null, null, null, null, null, java.util.List.of(),
                    null, null), "test");
            assertThat(contracts.find(own, payer)).map(PracticePayerTerms::appealLimitDays).contains(60);
        });
        transactions.executeWithoutResult(status -> {
            assertThat(contracts.find(own, payer)).map(PracticePayerTerms::appealLimitDays).contains(60);
            // another transaction changes them meanwhile: this one keeps what it read, the next one sees the change
            new org.springframework.transaction.support.TransactionTemplate(transactionManager,
                    new org.springframework.transaction.support.DefaultTransactionDefinition(
                            org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW))
                    .executeWithoutResult(other -> contracts.save(new PracticePayerTerms(own, payer, 75, null, null,
                            null, null, null, java.util.List.of(), null, null), "test"));
            assertThat(contracts.find(own, payer)).map(PracticePayerTerms::appealLimitDays).contains(60);
        });
        assertThat(contracts.find(own, payer)).map(PracticePayerTerms::appealLimitDays).contains(75);
    }
}

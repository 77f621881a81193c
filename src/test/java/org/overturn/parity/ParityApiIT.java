package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Parity with the job executor running: an ingested commercial medical-necessity denial is screened and gets
 * a case in the parity queue; the API and pages show it to parity specialists and managers only.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParityApiIT {

    @LocalServerPort
    int port;

    static final String PAYER = "PARITY-API-PLAN";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    long denial;

    @BeforeAll
    void ingestAScreenedDenial() throws InterruptedException {
        intake.ingest("parity-api.835", KnownRemittance.from(PAYER, "PARITY API PLAN", "PARITY-API-1", "20260302", "0")
                .claim("CLP*PAPI-1*4*600*0**12*ICN-PAPI-1", "CAS*CO*50*600", "NM1*QC*1*RIVERA*MARISOL****MI*PAPI123",
                        "SVC*HC:S9480*600*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        denial = jdbc.queryForObject("select id from denial where payer_id = ?", Long.class, PAYER);
        org.awaitility.Awaitility.await("the denial's parity case").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                        "select count(*) from parity_case where denial_id = ?", Integer.class, denial), n -> n > 0);
    }

    @Test
    void anIntensiveOutpatientNecessityDenialIsALikelyViolationWithACaseInTheParityQueue() {
        var parity = get("parity", "/api/denials/" + denial + "/parity");

        assertThat(parity.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(parity.getBody().at("/screen/risk").asText()).isEqualTo("LIKELY");
        assertThat(parity.getBody().at("/screen/levelOfCare").asText()).isEqualTo("INTENSIVE_OUTPATIENT");
        assertThat(parity.getBody().at("/parityCase/status").asText()).isEqualTo("IN_REVIEW");
        var queue = get("parity", "/api/queues/parity/tasks");
        assertThat(queue.getBody().findValuesAsText("name")).contains("Review parity concern");
        assertThat(queue.getBody().findValues("denial").stream().map(d -> d.get("id").asLong()))
                .contains(denial);
    }

    @Test
    void onlyParitySpecialistsManagersAndAdminsReachParity() {
        assertThat(get(null, "/api/parity/cases").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("biller", "/api/parity/cases").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("parity", "/api/parity/cases").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("manager", "/api/parity/cases").getBody().findValuesAsText("denialId"))
                .contains(String.valueOf(denial));
        // the pages, with the session's login
        assertThat(WebClient.anonymous(port).as("biller").get("/parity").statusCode()).isEqualTo(403);
        var page = WebClient.anonymous(port).as("parity").get("/parity");
        assertThat(page.body()).contains("Parity cases", "#" + denial, "medical necessity criteria");
        var dashboard = WebClient.anonymous(port).as("manager").get("/dashboard?payer=" + PAYER);
        assertThat(dashboard.body()).contains("id=\"kpi-parity-open\">1<");
        var denialPage = WebClient.anonymous(port).as("parity").get("/denials/" + denial);
        assertThat(denialPage.body()).contains("Mental health parity", "likely violation", "Review parity concern");
    }

    @Test
    void payerParityFactsAreSavedAndValidated() {
        var saved = send("parity", HttpMethod.PUT, "/api/payers/" + PAYER + "/parity-facts",
                Map.of("paForMedicalOutpatient", "NO", "funding", "SELF_FUNDED_ERISA", "state", "NY"));
        var refused = send("parity", HttpMethod.PUT, "/api/payers/" + PAYER + "/parity-facts", Map.of("state", "New York"));
        var biller = send("biller", HttpMethod.PUT, "/api/payers/" + PAYER + "/parity-facts", Map.of("state", "NY"));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody().get("funding").asText()).isEqualTo("SELF_FUNDED_ERISA");
        assertThat(saved.getBody().get("visitLimitsForMedical").asText()).isEqualTo("UNKNOWN");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(biller.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("parity", "/api/payers/" + PAYER + "/parity-facts").getBody().get("state").asText())
                .isEqualTo("NY");
    }

    @Test
    void thePlansAnswerCanOnlyBeRecordedWhileTheCaseWaitsForIt() {
        var early = send("parity", HttpMethod.POST, "/api/denials/" + denial + "/parity/analysis-received",
                Map.of("summary", "analysis attached"));
        var empty = send("parity", HttpMethod.POST, "/api/denials/" + denial + "/parity/analysis-received",
                Map.of("summary", " "));

        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private org.springframework.http.ResponseEntity<JsonNode> get(String user, String path) {
        return (user == null ? rest : rest.withBasicAuth(user, "demo")).getForEntity(path, JsonNode.class);
    }

    private org.springframework.http.ResponseEntity<JsonNode> send(String user, HttpMethod method, String path,
                                                                   Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

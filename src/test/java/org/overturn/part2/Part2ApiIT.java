package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Part 2 API: programs for admins, consents for users allowed to see Part 2 records. */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Part2ApiIT {

    static final String PAYER = "CONSENT-API-PLAN";
    static final String PURPOSE = "Payment and health care operations: appeal of denied claims";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    long denialId;
    long consentId;
    LocalDate today;

    @BeforeAll
    void ingestSubstanceUseDenialWithAConsent() {
        today = LocalDate.now(clock);
        intake.ingest("consent-api.835", KnownRemittance
                .from(PAYER, "CONSENT API PLAN", "CONSENT-API-1", "20260302", "0")
                .claim("CLP*API-1*4*420*0*0*MC*ICN-API-1", "CAS*CO*197*420", "NM1*QC*1*RIVERA*MARISOL****MI*API123",
                        "SVC*HC:H0015:HF*420*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        denialId = jdbc.queryForObject("select id from denial where payer_id = ?", Long.class, PAYER);
        consentId = send("sud-biller", "POST", "/api/denials/" + denialId + "/consents",
                form("signedOn", today.minusDays(10).toString(), "expiryEvent", "the end of treatment"))
                .getBody().get("id").asLong();
    }

    /** A complete consent form (42 CFR 2.31(a)) with the given fields added or replaced. */
    static Map<String, Object> form(String... fields) {
        Map<String, Object> form = new java.util.LinkedHashMap<>(Map.of("purpose", PURPOSE,
                "information", "Claims and the treatment records of the denied services", "signedBy", "the patient",
                "patientBirthDate", "1984-06-30"));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(null, "GET", "/api/part2/programs", 401),
                Arguments.of("biller", "GET", "/api/part2/programs", 403),
                Arguments.of("sud-biller", "GET", "/api/part2/programs", 403),
                Arguments.of("manager", "GET", "/api/part2/programs", 403),
                Arguments.of("admin", "GET", "/api/part2/programs", 200),
                Arguments.of("sud-biller", "POST", "/api/part2/programs", 403),
                Arguments.of("manager", "DELETE", "/api/part2/programs/1987654385", 403),
                Arguments.of(null, "GET", "/api/denials/{denial}/consents", 401),
                Arguments.of("biller", "GET", "/api/denials/{denial}/consents", 403),
                Arguments.of("manager", "GET", "/api/denials/{denial}/consents", 403),
                Arguments.of("parity", "GET", "/api/denials/{denial}/consents", 403),
                Arguments.of("sud-biller", "GET", "/api/denials/{denial}/consents", 200),
                Arguments.of("admin", "GET", "/api/denials/{denial}/consents", 200),
                Arguments.of(null, "POST", "/api/denials/{denial}/consents", 401),
                Arguments.of("biller", "POST", "/api/denials/{denial}/consents", 403),
                Arguments.of("manager", "POST", "/api/denials/{denial}/consents", 403),
                Arguments.of(null, "POST", "/api/consents/{consent}/revoke", 401),
                Arguments.of("biller", "POST", "/api/consents/{consent}/revoke", 403),
                Arguments.of("manager", "POST", "/api/consents/{consent}/revoke", 403));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("roles")
    void answersEachRoleAsAllowed(String user, String method, String path, int expected) {
        var response = send(user, method, path.replace("{denial}", String.valueOf(denialId))
                .replace("{consent}", String.valueOf(consentId)), Map.of());

        assertThat(response.getStatusCode().value()).isEqualTo(expected);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
    }

    @Test
    void listsTheConsentsOfTheDenialsPatientAndTheOneThatCountsToday() {
        JsonNode listed = send("sud-biller", "GET", "/api/denials/" + denialId + "/consents", null).getBody();

        assertThat(listed.get("payerId").asText()).isEqualTo(PAYER);
        assertThat(listed.get("validConsentId").asLong()).isEqualTo(consentId);
        assertThat(listed.get("consents")).anySatisfy(c -> {
            assertThat(c.get("id").asLong()).isEqualTo(consentId);
            assertThat(c.get("memberId").asText()).isEqualTo("API123");
            assertThat(c.get("patientLastName").asText()).isEqualTo("RIVERA");
            assertThat(c.at("/recipient/kind").asText()).isEqualTo("PAYER");
            assertThat(c.at("/recipient/id").asText()).isEqualTo(PAYER);
            assertThat(c.get("patientBirthDate").asText()).isEqualTo("1984-06-30");
            assertThat(c.get("discloser").asText()).startsWith("RIVERSIDE COUNSELING");
            assertThat(c.get("missingElements")).isEmpty();
            assertThat(c.get("signedOn").asText()).isEqualTo(today.minusDays(10).toString());
            assertThat(c.get("recordedBy").asText()).isEqualTo("sud-biller");
        });
    }

    @Test
    void recordsAndRevokesAConsentForTheDenialsPatientAndPayer() {
        var created = send("admin", "POST", "/api/denials/" + denialId + "/consents", form(
                "signedOn", today.toString(), "expiresOn", today.plusYears(1).toString()));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        assertThat(send("admin", "GET", "/api/denials/" + denialId + "/consents", null).getBody()
                .get("validConsentId").asLong()).isEqualTo(id);

        var revoked = send("sud-biller", "POST", "/api/consents/" + id + "/revoke", null);

        assertThat(revoked.getStatusCode().value()).isEqualTo(200);
        assertThat(revoked.getBody().get("revokedAt").isNull()).isFalse();
        assertThat(send("admin", "GET", "/api/denials/" + denialId + "/consents", null).getBody()
                .get("validConsentId").asLong()).isEqualTo(consentId);
        assertThat(jdbc.queryForList("select action || ':' || actor || ':' || coalesce(detail, '') "
                        + "from audit_event where record_type = 'consent' and record_id = ? order by id",
                String.class, String.valueOf(id)))
                .containsExactly("CONSENT_RECORDED:admin:denial " + denialId + "; to PAYER",
                        "CONSENT_REVOKED:sud-biller:");
    }

    @Test
    void answersBadConsentsWith400AndTheFieldsAtFault() {
        var future = send("sud-biller", "POST", "/api/denials/" + denialId + "/consents", Map.of(
                "signedOn", today.plusDays(1).toString(), "expiresOn", today.toString()));

        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getHeaders().getContentType().toString()).startsWith("application/json");
        assertThat(future.getBody().get("fields").has("signedOn")).isTrue();
        assertThat(future.getBody().get("fields").has("expiresOn")).isTrue();
        assertThat(future.getBody().get("fields").has("purpose")).isTrue();
        assertThat(future.getBody().get("fields").has("information")).isTrue();
        assertThat(future.getBody().get("fields").has("signedBy")).isTrue();
        assertThat(future.getBody().get("fields").has("patientBirthDate")).isTrue();

        var notADate = send("sud-biller", "POST", "/api/denials/" + denialId + "/consents",
                Map.of("signedOn", "yesterday", "purpose", PURPOSE));
        assertThat(notADate.getStatusCode().value()).isEqualTo(400);
        assertThat(notADate.getBody().get("error").asText()).contains("YYYY-MM-DD");
        assertThat(notADate.getBody().toString()).doesNotContain("Exception");
    }

    @Test
    void answersUnknownDenialsAndConsentsWith404() {
        assertThat(send("sud-biller", "GET", "/api/denials/999999999/consents", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(send("sud-biller", "POST", "/api/denials/999999999/consents",
                form("signedOn", today.toString())).getStatusCode().value()).isEqualTo(404);
        assertThat(send("sud-biller", "POST", "/api/consents/999999999/revoke", null).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void auditsWhoLookedAtADenialsConsents() {
        send("admin", "GET", "/api/denials/" + denialId + "/consents", null);

        // the interceptor writes the event once the response is complete, which the client may see a moment earlier
        org.awaitility.Awaitility.await("the audit event").atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from audit_event where actor = 'admin' and action = "
                        + "'VIEW' and record_type = 'denial-consents' and record_id = ?", Long.class,
                        String.valueOf(denialId)), seen -> seen > 0);
    }

    @Test
    void adminsFlagListAndUnflagPrograms() {
        var flagged = send("admin", "POST", "/api/part2/programs",
                Map.of("npi", "1987654377", "name", "Bayview Methadone Clinic"));
        assertThat(flagged.getStatusCode().value()).isEqualTo(200);
        assertThat(flagged.getBody().get("addedBy").asText()).isEqualTo("admin");
        assertThat(send("admin", "GET", "/api/part2/programs", null).getBody())
                .anySatisfy(p -> assertThat(p.get("npi").asText()).isEqualTo("1987654377"));

        assertThat(send("admin", "DELETE", "/api/part2/programs/1987654377", null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(send("admin", "DELETE", "/api/part2/programs/1987654377", null).getStatusCode().value())
                .isEqualTo(404);
        var invalid = send("admin", "POST", "/api/part2/programs", Map.of("npi", "12345", "name", "X"));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("fields").has("npi")).isTrue();
    }

    private ResponseEntity<JsonNode> send(String user, String method, String path, Map<String, ?> body) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);
    }
}

package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory's JSON API: reading, creating and changing a payer, validation, roles and the audit log. */
@OverturnIntegrationTest
class PayerApiIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PayerDirectory directory;

    final String id = "PA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    static Map<String, Object> optum() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "OPTUM BEHAVIORAL HEALTH");
        body.put("planType", "COMMERCIAL");
        body.put("appealEmail", "bh.appeals@optum.example.com");
        body.put("appealLimitDays", 180);
        body.put("secondLevelAppealLimitDays", 60);
        body.put("timelyFilingDays", 90);
        body.put("correctedClaimRules", "Frequency code 7 with the original payer claim number in REF*F8");
        body.put("addressLine1", "PO Box 30757");
        body.put("city", "Salt Lake City");
        body.put("state", "ut");
        body.put("postalCode", "841300757");
        body.put("phone", "800-888-2998");
        return body;
    }

    @Test
    void managerCreatesAPayerThatOtherModulesThenSee() {
        var created = put("manager", id, optum());

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/payers/" + id);
        assertThat(created.getBody().get("postalCode").asText()).isEqualTo("84130-0757");
        var profile = directory.profile(id).orElseThrow();
        assertThat(profile.name()).isEqualTo("OPTUM BEHAVIORAL HEALTH");
        assertThat(profile.state()).isEqualTo("UT");
        assertThat(profile.appealLimitDays(2)).isEqualTo(60);
        assertThat(profile.appealLimitDays(3)).isEqualTo(180);
        assertThat(profile.needsReview()).isFalse();
        assertThat(directory.all()).contains(profile);
        assertThat(directory.appealLimitDays(id, "ignored", "12")).isEqualTo(180);
        assertThat(directory.planType(id)).contains(PlanType.COMMERCIAL);
        assertThat(jdbc.queryForMap("select updated_by, updated_at from payer where id = ?", id))
                .containsEntry("updated_by", "manager").extractingByKey("updated_at").isNotNull();
    }

    @Test
    void thePayersDaysBeforeAClaimStatusRequestAreEditableAndBlankMeansTheDefault() {
        Map<String, Object> body = optum();
        body.put("claimStatusDays", 21);
        assertThat(put("manager", id, body).getBody().get("claimStatusDays").asInt()).isEqualTo(21);
        assertThat(directory.claimStatusDays(id)).contains(21);

        body.put("claimStatusDays", 0);
        var refused = put("manager", id, body);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("claimStatusDays", "must be a positive number of days");

        body.remove("claimStatusDays");
        put("manager", id, body);
        assertThat(directory.claimStatusDays(id)).isEmpty();
    }

    @Test
    void anyoneSignedInReadsTheDirectory() {
        put("admin", id, optum());

        var list = as("biller").getForEntity("/api/payers", JsonNode.class);
        var one = as("biller").getForEntity("/api/payers/" + id, JsonNode.class);

        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody().findValuesAsText("id")).contains(id);
        assertThat(one.getStatusCode().value()).isEqualTo(200);
        assertThat(one.getBody().get("appealEmail").asText()).isEqualTo("bh.appeals@optum.example.com");
        assertThat(one.getBody().get("thirdLevelAppealLimitDays").isNull()).isTrue();
        assertThat(one.getBody().get("needsReview").asBoolean()).isFalse();
        assertThat(as("parity").getForEntity("/api/payers", JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownPayerWith404() {
        var response = as("biller").getForEntity("/api/payers/NO-SUCH-" + id, JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().get("error").asText()).contains("NO-SUCH-" + id);
    }

    @Test
    void updatingReplacesTheTermsAndLeavesAnAuditEvent() {
        put("manager", id, optum());
        var changed = optum();
        changed.put("appealLimitDays", "120");
        changed.put("appealEmail", "appeals@optum.example.com");
        changed.put("id", id);

        var updated = put("admin", id, changed);

        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().get("appealLimitDays").asInt()).isEqualTo(120);
        assertThat(jdbc.queryForList("select actor || ' ' || detail from audit_event where action = 'PAYER_CHANGED' "
                + "and record_type = 'payer' and record_id = ? order by id", String.class, id))
                .containsExactly("manager edit: created", "admin edit: changed appealEmail, appealLimitDays");
    }

    @Test
    void aPayerSentBackAsReadIsSavedUnchanged() {
        put("manager", id, optum());
        JsonNode read = as("manager").getForObject("/api/payers/" + id, JsonNode.class);

        var again = as("manager").exchange("/api/payers/" + id, HttpMethod.PUT, new HttpEntity<>(read),
                JsonNode.class);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(read);
    }

    @Test
    void blankLimitsTakeThePlanTypesDefaults() {
        var body = new HashMap<String, Object>(Map.of("name", "NY MEDICAID", "planType", "MEDICAID"));

        var created = put("manager", id, body);

        assertThat(created.getBody().get("appealLimitDays").asInt()).isEqualTo(90);
        assertThat(created.getBody().get("timelyFilingDays").asInt()).isEqualTo(90);
    }

    @Test
    void refusesInvalidFieldsWith400NamingEachField() {
        var body = optum();
        body.put("appealEmail", "appeals at optum");
        body.put("planType", "PPO");
        body.put("timelyFilingDays", 0);
        body.put("secondLevelAppealLimitDays", "sixty");
        body.put("state", "Utah");
        body.put("postalCode", "8413");

        var response = put("manager", id, body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode fields = response.getBody().get("fields");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
        assertThat(fields.get("appealEmail").asText()).isEqualTo("not an email address");
        assertThat(fields.get("planType").asText()).startsWith("not a plan type: one of COMMERCIAL");
        assertThat(fields.get("timelyFilingDays").asText()).isEqualTo("must be a positive number of days");
        assertThat(fields.get("secondLevelAppealLimitDays").asText()).isEqualTo("not a number of days");
        assertThat(fields.get("state").asText()).isEqualTo("must be the state's two letters, e.g. NY");
        assertThat(fields.get("postalCode").asText()).isEqualTo("not a ZIP code (5 or 9 digits)");
        assertThat(directory.profile(id)).isEmpty();
    }

    @Test
    void refusesABodyWhoseIdIsAnotherPayers() {
        var body = optum();
        body.put("id", "SOMEONE-ELSE");

        var response = put("manager", id, body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("fields").get("id").asText()).contains("does not match");
    }

    @Test
    void billersAndParitySpecialistsMayNotChangeTheDirectory() {
        assertThat(put("biller", id, optum()).getStatusCode().value()).isEqualTo(403);
        assertThat(put("parity", id, optum()).getStatusCode().value()).isEqualTo(403);
        assertThat(directory.profile(id)).isEmpty();
    }

    @Test
    void anonymousCallersMustSignIn() {
        var read = rest.getForEntity("/api/payers", JsonNode.class);
        // an unknown user: a wrong password would lock a real one out for a while
        var wrongPassword = rest.withBasicAuth("nobody", "wrong").exchange("/api/payers/" + id, HttpMethod.PUT,
                new HttpEntity<>(optum()), JsonNode.class);

        assertThat(read.getStatusCode().value()).isEqualTo(401);
        assertThat(read.getBody().get("error").asText()).isEqualTo("Sign in first");
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(rest.getForEntity("/api/payers/export.xlsx", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(directory.profile(id)).isEmpty();
    }

    @Test
    void anonymousWritesAreAskedToSignIn() {
        var response = rest.exchange("/api/payers/" + id, HttpMethod.PUT, new HttpEntity<>(optum()), JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody().get("error").asText()).isEqualTo("Sign in first");
        assertThat(directory.profile(id)).isEmpty();
    }

    private ResponseEntity<JsonNode> put(String user, String payerId, Map<String, Object> body) {
        return as(user).exchange("/api/payers/" + payerId, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }
}

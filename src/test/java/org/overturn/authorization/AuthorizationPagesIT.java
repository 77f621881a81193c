package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register's pages over plain HTTP: editing with the form checked on the server, and who gets the pages. */
@OverturnIntegrationTest
class AuthorizationPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAuthorizationIsEditedOnItsPageAndABadValueIsShownBesideItsField() {
        long id = anonymous.withBasicAuth("biller", "demo").postForObject("/api/authorizations",
                AuthorizationApiIT.body("AP-M1", "AP-1", java.util.List.of("90837"), 8),
                com.fasterxml.jackson.databind.JsonNode.class).get("id").asLong();
        WebClient biller = WebClient.anonymous(port).as("biller");

        var form = biller.get("/authorizations/" + id);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"AP-1\"").contains("id=\"units-left\">8<");

        Map<String, Object> edited = new HashMap<>(Map.of("payerId", AuthorizationApiIT.PAYER, "memberId", "AP-M1",
                "number", "AP-1", "levelOfCare", "OUTPATIENT", "procedures", "90837, 90834", "unitType", "VISITS",
                "unitsApproved", "twelve", "from", "2026-03-01", "to", "2026-06-30", "status", "PARTIALLY_APPROVED"));
        var refused = biller.post("/authorizations/" + id, edited);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"e-unitsApproved\">not a number<");

        edited.put("unitsApproved", "12");
        var saved = biller.post("/authorizations/" + id, edited);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForMap("select units_approved::int as units, unit_type, status, source, "
                + "array_to_string(services, ',') as services from prior_authorization where id = ?", id))
                .containsEntry("units", 12).containsEntry("unit_type", "VISITS")
                .containsEntry("status", "PARTIALLY_APPROVED").containsEntry("source", "PAGE")
                .containsEntry("services", "90837,90834");
    }

    @Test
    void theRegisterIsForTheAuthorizationsQueueManagersAndAdminsOnly() {
        assertThat(WebClient.anonymous(port).as("parity").get("/authorizations").statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous(port).as("parity").get("/").body()).doesNotContain("nav-authorizations");
        assertThat(WebClient.anonymous(port).as("manager").get("/authorizations").statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous(port).as("biller").get("/").body()).contains("nav-authorizations");
    }
}

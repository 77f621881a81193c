package org.overturn.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.denial.WorkQueue;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Admins confirm a pending practice, describe it, and say who works it; a user of no practice sees nothing. */
@OverturnIntegrationTest
class PracticeAdminIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void anAdminConfirmsAPendingPracticeDescribesItAndAssignsItsBiller() throws Exception {
        String npi = "8" + String.valueOf(Math.abs(tag.hashCode()) + 100_000_000L).substring(0, 9);
        intake.ingest(tag + ".835", KnownRemittance.toPayee("AD" + tag, "ADMIN PLAN", tag, "20260302", "0",
                        "N1*PE*NEW CLIENT LLC*XX*" + npi)
                .claim("CLP*AD" + tag + "*4*150*0**12", "CAS*CO*4*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        long practice = jdbc.queryForObject("select id from practice where group_npi = ?", Long.class, npi);
        String user = "new-biller-" + tag.toLowerCase();
        var account = identity.newUser(user);
        account.setPassword("demo");
        identity.saveUser(account);
        identity.createMembership(user, Roles.BILLER);
        identity.createMembership(user, WorkQueue.CODING);
        WebClient newBiller = WebClient.anonymous(port).withBasic(user);

        // assigned to no practice: nothing, not even a count
        JsonNode none = json.readTree(newBiller.get("/api/denials?payer=AD" + tag).body());
        assertThat(none.get("totalElements").asLong()).isZero();
        assertThat(newBiller.get("/api/practices").body()).isEqualTo("[]");

        var admin = rest.withBasicAuth("admin", "demo");
        assertThat(admin.postForObject("/api/practices/" + practice + "/confirm", null, JsonNode.class)
                .get("status").asText()).isEqualTo("ACTIVE");
        JsonNode changed = admin.exchange("/api/practices/" + practice, HttpMethod.PUT, new HttpEntity<>(Map.of(
                "name", "New Client Counseling", "contactEmail", "office@newclient.example",
                "letterhead", Map.of("addressLines", List.of("1 Main St", "Millbrook, PA 17050"),
                        "signerName", "Pat Owner"))), JsonNode.class).getBody();
        assertThat(changed.get("name").asText()).isEqualTo("New Client Counseling");
        assertThat(changed.get("letterhead").get("addressLines").get(1).asText()).isEqualTo("Millbrook, PA 17050");
        assertThat(changed.get("groupNpi").asText()).isEqualTo(npi);
        admin.put("/api/practices/assignments/" + user, Map.of("everyPractice", false,
                "practiceIds", List.of(practice)));

        JsonNode mine = json.readTree(newBiller.get("/api/denials?payer=AD" + tag).body());
        assertThat(mine.get("totalElements").asLong()).isEqualTo(1);
        assertThat(mine.get("content").get(0).get("practice").get("name").asText())
                .isEqualTo("New Client Counseling");
        assertThat(json.readTree(newBiller.get("/api/practices").body()).findValuesAsText("id"))
                .containsExactly(String.valueOf(practice));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PRACTICE_CHANGED'"
                + " and record_id in (?, ?)", Long.class, String.valueOf(practice), user)).isEqualTo(3);
    }

    @Test
    void onlyAdminsChangePracticesOrAssignments() {
        var manager = rest.withBasicAuth("manager", "demo");
        assertThat(manager.postForEntity("/api/practices/1/confirm", null, String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(manager.getForEntity("/api/practices/assignments", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(WebClient.anonymous(port).as("admin").get("/practices").body())
                .contains(DemoPractices.SUD_PROGRAM.name(), "biller-a");
    }
}

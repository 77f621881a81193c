package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.FileIntake;
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
    @Autowired
    Clock clock;
    @Autowired
    FileIntake intake;

    @Test
    void anAuthorizationIsEditedOnItsPageAndABadValueIsShownBesideItsField() {
        long id = anonymous.withBasicAuth("biller", "demo").postForObject("/api/authorizations?practiceId=" + org.overturn.TestPractices.first(jdbc),
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

    @Autowired
    AuthorizationRegister register;

    @Test
    void aRetroAuthorizationShowsTheDenialItWasApprovedFor() {
        LocalDate day = LocalDate.now(clock).minusDays(20);
        var claim = new AuthorizationCheck.ClaimUnderCheck("AP-M4", java.util.Set.of(AuthorizationApiIT.PAYER),
                "AP-R1", null, null, null, java.util.List.of(
                new AuthorizationCheck.BilledService(day, "S9480", null, java.math.BigDecimal.ONE, null),
                new AuthorizationCheck.BilledService(day.plusDays(2), "S9480", null, java.math.BigDecimal.ONE, null)),
                org.overturn.TestPractices.first(jdbc));
        var keeper = new org.overturn.security.CurrentUser(org.overturn.practice.DemoPractices.FIRST_PRACTICE_USER,
                java.util.Set.of("biller"), java.util.Set.of(AuthorizationRegister.QUEUE));

        Authorization entered = register.recordRetroApproval(claim, "AUTH API PLAN", "AP-RETRO-1", 4242L, keeper)
                .orElseThrow();
        assertThat(entered.levelOfCare()).isEqualTo(LevelOfCare.INTENSIVE_OUTPATIENT);
        assertThat(entered.from()).isEqualTo(day);
        assertThat(entered.to()).isEqualTo(day.plusDays(2));
        assertThat(entered.unitsApproved()).isEqualByComparingTo("2");
        assertThat(register.recordRetroApproval(claim, "AUTH API PLAN", "AP-RETRO-1", 4243L, keeper))
                .as("a number already on file is not entered twice").map(Authorization::id).contains(entered.id());
        var noMember = new AuthorizationCheck.ClaimUnderCheck(null, claim.payerIds(), "AP-R2", null, null, null,
                claim.services(), claim.practiceId());
        assertThat(register.recordRetroApproval(noMember, "AUTH API PLAN", "AP-RETRO-2", 4244L, keeper))
                .as("a claim without a member id makes no entry").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from prior_authorization where number = 'AP-RETRO-2'",
                Integer.class)).isZero();

        String page = WebClient.anonymous(port).as("biller").get("/authorizations/" + entered.id()).body();
        assertThat(page).contains("(retro: <span id=\"source-note\">retro authorization approved for denial 4242</span>)");
    }

    @Test
    void activeAuthorizationsEndingSoonUsedUpOrDueForReviewAreListedAsRunningOut() {
        LocalDate today = LocalDate.now(clock);
        long ending = create("AP-M2", "AP-END", 10, today.minusDays(30), today.plusDays(10), null);
        long review = create("AP-M2", "AP-REVIEW", 10, today.minusDays(30), today.plusDays(100), today.plusDays(2));
        long usedUp = create("AP-M3", "AP-USED", 1, today.minusDays(30), today.plusDays(100), null);
        long fine = create("AP-M2", "AP-FINE", 10, today.minusDays(30), today.plusDays(100), null);
        intake.ingest("ap-used.837", new AuthorizationClaims(AuthorizationApiIT.PAYER, "AUTH API PLAN").claim(
                "AP-U1", "AP-M3", "90837", 1, today.minusDays(5), "AP-USED", AuthorizationClaims.LCSW), "UPLOAD",
                "test");

        String page = WebClient.anonymous(port).as("biller").get("/authorizations").body().replaceAll("\\s+", " ");

        assertThat(page).contains("id=\"running-out-" + ending + "\"").contains("ends in 10 days")
                .contains("id=\"running-out-" + review + "\"").contains("concurrent review due " + today.plusDays(2))
                .contains("id=\"running-out-" + usedUp + "\"").contains("no units left")
                .doesNotContain("id=\"running-out-" + fine + "\"");
    }

    private long create(String member, String number, int units, LocalDate from, LocalDate to, LocalDate review) {
        var body = AuthorizationApiIT.body(member, number, java.util.List.of("90837"), units);
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("nextReviewOn", review == null ? null : review.toString());
        return anonymous.withBasicAuth("biller", "demo").postForObject("/api/authorizations?practiceId=" + org.overturn.TestPractices.first(jdbc), body,
                com.fasterxml.jackson.databind.JsonNode.class).get("id").asLong();
    }

    @Test
    void theRegisterIsForTheAuthorizationsQueueManagersAndAdminsOnly() {
        assertThat(WebClient.anonymous(port).as("parity").get("/authorizations").statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous(port).as("parity").get("/").body()).doesNotContain("nav-authorizations");
        assertThat(WebClient.anonymous(port).as("manager").get("/authorizations").statusCode()).isEqualTo(200);
        assertThat(WebClient.anonymous(port).as("biller").get("/").body()).contains("nav-authorizations");
    }
}

package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.claim.ClaimProvider;
import org.overturn.intake.FileIntake;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each authorization finding end to end: an 837 and the 835 denying it (CO-197) go in through intake, an
 * authorization is registered through the API, and the denial's JSON and its appeal letter take the finding's
 * position with the authorization's number and span.
 */
@OverturnIntegrationTest
class AuthorizationFindingIT {

    static final String PAYER = "AUTH-FINDING-PLAN";
    static final LocalDate SERVICE = LocalDate.of(2026, 3, 2);
    static final AuthorizationClaims CLAIMS = new AuthorizationClaims(PAYER, "AUTH FINDING PLAN");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    FileIntake intake;
    @Autowired
    Letters letters;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void anAuthorizationOnFileForTheDateServiceAndProviderMakesTheDenialAPayerError() {
        register("AF-M1", "AF-VALID-1", List.of("90837"), 10, "2026-02-01", "2026-04-30", null, null);

        long denial = denied("AF-V1", "AF-M1", "90837", 1, "AF-VALID-1", AuthorizationClaims.LCSW);

        JsonNode json = denialJson(denial);
        assertThat(json.get("rootCause").asText()).isEqualTo("AUTHORIZATION");
        assertThat(json.get("authorizationFinding").asText()).isEqualTo("VALID_ON_FILE");
        assertThat(json.at("/authorization/number").asText()).isEqualTo("AF-VALID-1");
        assertThat(json.at("/authorization/from").asText()).isEqualTo("2026-02-01");
        String denialPage = WebClient.anonymous(port).as("biller").get("/denials/" + denial).body();
        assertThat(denialPage).contains("data-finding=\"VALID_ON_FILE\"").contains("Authorized: a payer error");
        String letter = letterOf(denial);
        assertThat(letter).contains("They were authorized: your authorization <strong>AF-VALID-1</strong>")
                .contains("02/01/2026 to 04/30/2026").contains("Please match this claim to authorization AF-VALID-1")
                .doesNotContain("either").doesNotContain("retroactive");
    }

    @Test
    void noAuthorizationForTheMemberAndPayerAsksForARetroactiveOne() {
        // another payer's authorization for the same member does not count
        register("AF-M2", "AF-OTHER-PAYER", List.of("90837"), 10, "2026-02-01", "2026-04-30", null,
                "ANOTHER-PLAN");

        long denial = denied("AF-N1", "AF-M2", "90837", 1, null, AuthorizationClaims.LCSW);

        assertThat(denialJson(denial).get("authorizationFinding").asText()).isEqualTo("NONE_ON_FILE");
        assertThat(letterOf(denial)).contains("Request for retroactive authorization")
                .contains("provided without a prior authorization on file").doesNotContain("They were authorized");
    }

    @Test
    void anAuthorizationThatEndedBeforeTheServiceIsExpired() {
        register("AF-M3", "AF-EXP-1", List.of("90837"), 10, "2026-01-01", "2026-02-28", null, null);

        long denial = denied("AF-E1", "AF-M3", "90837", 1, "AF-EXP-1", AuthorizationClaims.LCSW);

        JsonNode json = denialJson(denial);
        assertThat(json.get("authorizationFinding").asText()).isEqualTo("EXPIRED");
        assertThat(json.at("/authorization/to").asText()).isEqualTo("2026-02-28");
        assertThat(letterOf(denial)).contains("Request to extend an authorization")
                .contains("from 01/01/2026 to 02/28/2026").contains("AF-EXP-1");
    }

    @Test
    void unitsUsedUpByEarlierClaimsAreExhaustedAndTheRegisterCountsThem() {
        register("AF-M4", "AF-UNITS-1", List.of("90837"), 2, "2026-02-01", "2026-04-30", null, null);
        ingest("af-u1.837", CLAIMS.claim("AF-U1", "AF-M4", "90837", 1, LocalDate.of(2026, 2, 10), "AF-UNITS-1",
                AuthorizationClaims.LCSW));
        ingest("af-u2.837", CLAIMS.claim("AF-U2", "AF-M4", "90837", 1, LocalDate.of(2026, 2, 17), "AF-UNITS-1",
                AuthorizationClaims.LCSW));
        ingest("af-u1.835", CLAIMS.payment("AF-TU1", "AF-U1", "AF-M4", "90837", 1, LocalDate.of(2026, 2, 10)));

        long denial = denied("AF-U3", "AF-M4", "90837", 1, "AF-UNITS-1", AuthorizationClaims.LCSW);

        assertThat(denialJson(denial).get("authorizationFinding").asText()).isEqualTo("UNITS_EXHAUSTED");
        assertThat(letterOf(denial)).contains("Request for additional authorized units")
                .contains("approved 2 units").contains("AF-UNITS-1");
        // the denied line used nothing; one of the two it counts was paid
        JsonNode listed = rest("biller").getForObject("/api/authorizations?memberId=AF-M4", JsonNode.class);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("unitsUsed").decimalValue()).isEqualByComparingTo("2");
        assertThat(listed.get(0).get("unitsPaid").decimalValue()).isEqualByComparingTo("1");
        assertThat(listed.get(0).get("unitsLeft").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anAuthorizationForAnotherLevelOfCareIsTheWrongService() {
        // an IOP authorization by level; the claim is partial hospitalization after a step-up
        register("AF-M5", "AF-IOP-1", List.of(), 20, "2026-02-01", "2026-04-30", null, null,
                "INTENSIVE_OUTPATIENT");

        long denial = denied("AF-S1", "AF-M5", "H0035", 1, "AF-IOP-1", AuthorizationClaims.LCSW);

        JsonNode json = denialJson(denial);
        assertThat(json.get("authorizationFinding").asText()).isEqualTo("WRONG_SERVICE");
        assertThat(json.at("/authorization/levelOfCare").asText()).isEqualTo("INTENSIVE_OUTPATIENT");
        assertThat(letterOf(denial)).contains("amend an authorization to the level of care provided")
                .contains("approved intensive outpatient").contains("AF-IOP-1");
    }

    @Test
    void anAuthorizationRestrictedToAnotherRenderingProviderIsTheWrongProvider() {
        register("AF-M6", "AF-PROV-1", List.of("90837"), 10, "2026-02-01", "2026-04-30",
                AuthorizationClaims.LCSW.npi(), null);

        long denial = denied("AF-P1", "AF-M6", "90837", 1, "AF-PROV-1", AuthorizationClaims.PSYCHOLOGIST);

        assertThat(denialJson(denial).get("authorizationFinding").asText()).isEqualTo("WRONG_PROVIDER");
        assertThat(letterOf(denial)).contains("amend an authorization to the rendering provider")
                .contains("rendering provider NPI " + AuthorizationClaims.LCSW.npi())
                .contains("NPI " + AuthorizationClaims.PSYCHOLOGIST.npi());
    }

    @Test
    void anotherPracticesAuthorizationNeverSatisfiesTheClaimNorCountsItsUse() {
        long other = org.overturn.TestPractices.of(jdbc, org.overturn.practice.DemoPractices.PSYCHIATRIC_GROUP);
        // the same member, payer, number and service, but granted to the psychiatric group: not this claim's
        register("AF-M8", "AF-OTHER-PRACTICE", List.of("90837"), 10, "2026-02-01", "2026-04-30", null, null, null,
                other);

        long denial = denied("AF-X1", "AF-M8", "90837", 1, "AF-OTHER-PRACTICE", AuthorizationClaims.LCSW);

        JsonNode json = denialJson(denial);
        assertThat(json.get("authorizationFinding").asText()).isEqualTo("NONE_ON_FILE");
        assertThat(json.at("/authorization/id").isNull() && json.at("/authorization/number").isNull())
                .as("the other practice's authorization is never shown").isTrue();
        assertThat(letterOf(denial)).contains("Request for retroactive authorization")
                .doesNotContain("They were authorized");
        JsonNode listed = rest("biller").getForObject("/api/authorizations?memberId=AF-M8", JsonNode.class);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/practice/id").asLong()).isEqualTo(other);
        assertThat(listed.get(0).at("/practice/name").asText())
                .isEqualTo(org.overturn.practice.DemoPractices.PSYCHIATRIC_GROUP.name());
        assertThat(listed.get(0).get("unitsUsed").decimalValue()).as("the first practice's claim uses none of it")
                .isEqualByComparingTo("0");
        assertThat(rest(org.overturn.practice.DemoPractices.FIRST_PRACTICE_USER)
                .getForObject("/api/authorizations?memberId=AF-M8", JsonNode.class))
                .as("nor does a user of the first practice see it").isEmpty();
    }

    @Test
    void aDenialForAnotherReasonHasNoFinding() {
        register("AF-M7", "AF-MN-1", List.of("90837"), 10, "2026-02-01", "2026-04-30", null, null);
        ingest("af-mn1.837", CLAIMS.claim("AF-MN1", "AF-M7", "90837", 1, SERVICE, "AF-MN-1",
                AuthorizationClaims.LCSW));
        ingest("af-mn1.835", CLAIMS.denial("AF-TMN1", "AF-MN1", "AF-M7", "90837", 1, SERVICE, "50"));

        JsonNode json = denialJson(denialIdOf("AF-MN1"));
        assertThat(json.get("rootCause").asText()).isEqualTo("MEDICAL_NECESSITY");
        assertThat(json.get("authorizationFinding").isNull()).isTrue();
    }

    private void register(String member, String number, List<String> procedures, int units, String from,
                          String to, String renderingNpi, String payerId) {
        register(member, number, procedures, units, from, to, renderingNpi, payerId, null);
    }

    private void register(String member, String number, List<String> procedures, int units, String from,
                          String to, String renderingNpi, String payerId, String level) {
        register(member, number, procedures, units, from, to, renderingNpi, payerId, level,
                org.overturn.TestPractices.first(jdbc));
    }

    private void register(String member, String number, List<String> procedures, int units, String from,
                          String to, String renderingNpi, String payerId, String level, long practice) {
        Map<String, Object> body = new HashMap<>();
        body.put("payerId", payerId == null ? PAYER : payerId);
        body.put("memberId", member);
        body.put("number", number);
        body.put("levelOfCare", level == null ? "OUTPATIENT" : level);
        body.put("procedures", procedures);
        body.put("unitsApproved", units);
        body.put("from", from);
        body.put("to", to);
        body.put("renderingNpi", renderingNpi);
        var created = rest("biller").postForEntity("/api/authorizations?practiceId=" + practice, body, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private long denied(String pcn, String member, String procedure, int units, String authorization,
                        ClaimProvider rendering) {
        ingest(pcn + ".837", CLAIMS.claim(pcn, member, procedure, units, SERVICE, authorization, rendering));
        ingest(pcn + ".835", CLAIMS.denial("T-" + pcn, pcn, member, procedure, units, SERVICE, "197"));
        return denialIdOf(pcn);
    }

    private void ingest(String name, byte[] content) {
        intake.ingest(name, content, "UPLOAD", "test");
    }

    private long denialIdOf(String pcn) {
        return jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = ?",
                Long.class, PAYER, pcn);
    }

    private JsonNode denialJson(long id) {
        return rest("biller").getForObject("/api/denials/" + id, JsonNode.class);
    }

    /** The letter's HTML with its line breaks and runs of spaces made single spaces. */
    private String letterOf(long denial) {
        return letters.preview(denial, LetterKind.APPEAL, 1, null, "biller").html().replaceAll("\\s+", " ");
    }

    private TestRestTemplate rest(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }
}

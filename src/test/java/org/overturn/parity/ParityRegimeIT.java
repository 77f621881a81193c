package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.overturn.letters.Letters;
import org.overturn.parity.ParityFacts.Answer;
import org.overturn.parity.ParityFacts.Funding;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PlanFunding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The parity regime told from the plan end to end: the same intensive-outpatient necessity denial under a
 * self-funded ERISA plan, a Medicaid managed-care plan, Medicaid fee-for-service, Medicare and a commercial plan
 * nobody described; the letters under the plan's regime with the practice's standing; outcomes on the parity page.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParityRegimeIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PayerDirectory directory;
    @Autowired
    PayerParityFacts facts;
    @Autowired
    ParityLetters parityLetters;
    @Autowired
    Letters letters;
    @Autowired
    ParityScreen parityScreen;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    long erisa;
    long managedCare;
    long feeForService;
    long medicare;
    long undescribed;

    @BeforeAll
    void ingestTheSameDenialUnderFivePlans() {
        directory.appealLimitDays("REGIME-ERISA", "REGIME ERISA PLAN", "12");
        directory.routeAppeals("REGIME-ERISA", new PayerAppealTerms(PlanFunding.EMPLOYER_GROUP, false, null), "test");
        facts.save(new ParityFacts("REGIME-ERISA", Answer.NO, Answer.NO, Answer.NO, Funding.SELF_FUNDED_ERISA, "PA",
                Answer.NO, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, List.of()), "test");
        directory.appealLimitDays("REGIME-MCO", "REGIME MEDICAID MCO", "MC");
        directory.routeAppeals("REGIME-MCO", new PayerAppealTerms(null, true, null), "test");
        directory.appealLimitDays("REGIME-FFS", "REGIME MEDICAID FFS", "MC");
        erisa = ingest("REGIME-ERISA", "12", "RERISA");
        managedCare = ingest("REGIME-MCO", "MC", "RMCO");
        feeForService = ingest("REGIME-FFS", "MC", "RFFS");
        medicare = ingest("REGIME-MEDICARE", "MB", "RMCR");
        undescribed = ingest("REGIME-UNKNOWN", "12", "RUNK");
    }

    private long ingest(String payer, String filingIndicator, String claim) {
        intake.ingest(claim + ".835", KnownRemittance.from(payer, payer.replace('-', ' '), "TRN-" + claim, "20260302",
                "0").claim("CLP*" + claim + "*4*600*0**" + filingIndicator + "*ICN-" + claim, "CAS*CO*50*600",
                "NM1*QC*1*RIVERA*MARISOL****MI*" + claim + "9", "SVC*HC:S9480*600*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        long denial = jdbc.queryForObject("select id from denial where payer_id = ?", Long.class, payer);
        org.awaitility.Awaitility.await("the parity screen of " + payer).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                        "select count(*) from parity_screen where denial_id = ?", Integer.class, denial), n -> n > 0);
        return denial;
    }

    @Test
    void theRegimeComesFromThePlanNotFromClp06Alone() {
        assertThat(screen(erisa).get("planRegime").asText()).isEqualTo("ERISA_SELF_FUNDED");
        assertThat(screen(erisa).get("risk").asText()).isEqualTo("LIKELY");
        assertThat(screen(managedCare).get("planRegime").asText()).isEqualTo("MEDICAID_MANAGED_CARE");
        assertThat(screen(managedCare).get("regime").asText()).isEqualTo("MEDICAID_MANAGED_CARE");
        assertThat(screen(managedCare).get("risk").asText()).isNotEqualTo("NONE");
        // the same MC claim without the directory's managed-care flag: fee-for-service, no subpart K argument
        assertThat(screen(feeForService).get("planRegime").asText()).isEqualTo("MEDICAID_FFS");
        assertThat(screen(feeForService).get("risk").asText()).isEqualTo("NONE");
        assertThat(screen(feeForService).get("reason").asText()).contains("subpart K");
        assertThat(screen(medicare).get("planRegime").asText()).isEqualTo("MEDICARE");
        assertThat(screen(medicare).get("risk").asText()).isEqualTo("NONE");
        assertThat(jdbc.queryForObject("select count(*) from parity_case where denial_id in (?, ?)", Integer.class,
                feeForService, medicare)).isZero();
    }

    @Test
    void anUndescribedPlanIsAskedAboutNotGuessed() {
        JsonNode screen = screen(undescribed);

        assertThat(screen.get("planRegime").asText()).isEqualTo("UNKNOWN");
        assertThat(screen.get("reason").asText()).startsWith("Parity regime unknown: enter in the payer directory");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parityLetters.renderRequest(undescribed,
                LocalDate.now().plusDays(30), "parity"))).hasMessageStartingWith("Parity regime unknown");

        // the office fills in the fields asked for: the screen runs again, and the case takes the regime
        org.awaitility.Awaitility.await("the undescribed plan's case").atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select count(*) from parity_case where denial_id = ?", Integer.class,
                        undescribed), n -> n > 0);
        directory.routeAppeals("REGIME-UNKNOWN", new PayerAppealTerms(PlanFunding.EMPLOYER_GROUP, false, null), "test");
        facts.save(new ParityFacts("REGIME-UNKNOWN", Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN,
                Funding.FULLY_INSURED, "PA"), "test");
        var rescreened = parityScreen.screen(undescribed);

        assertThat(rescreened.planRegime()).isEqualTo(ParityRegime.ERISA_FULLY_INSURED);
        assertThat(rescreened.reason()).doesNotStartWith("Parity regime unknown");
        assertThat(jdbc.queryForObject("select plan_regime from parity_case where denial_id = ?", String.class,
                undescribed)).isEqualTo("ERISA_FULLY_INSURED");
        assertThat(parityScreen.screen(undescribed).screenedAt()).as("a known regime is screened once")
                .isEqualTo(rescreened.screenedAt());
    }

    @Test
    void lettersGoUnderThePlansRegimeAndTheStandingOnFile() throws IOException {
        String own = text(parityLetters.renderRequest(erisa, LocalDate.now().plusDays(30), "parity").id());
        var refused = send(HttpMethod.POST, "/api/denials/" + erisa + "/parity/authorizations",
                Map.of("signedBy", "Ana Rivera, parent", "signedOn", "2026-03-01", "scope", "REQUEST_AND_COMPLAINT"));
        var recorded = send(HttpMethod.POST, "/api/denials/" + erisa + "/parity/authorizations",
                Map.of("signedBy", "Ana Rivera, parent", "signedOn", "2026-03-01", "scope", "REQUEST_AND_COMPLAINT",
                        "document", "Authorized representative form, scan 2026-03-01"));
        String represented = text(parityLetters.renderRequest(erisa, LocalDate.now().plusDays(30), "parity").id());
        String subpartK = text(parityLetters.renderRequest(managedCare, LocalDate.now().plusDays(30), "parity").id());
        var revoked = send(HttpMethod.DELETE, "/api/denials/" + erisa + "/parity/authorizations", Map.of());
        String afterRevocation = text(parityLetters.renderRequest(erisa, LocalDate.now().plusDays(30), "parity")
                .id());

        assertThat(own).contains("in our own name", "29 U.S.C. 1185a(a)(8)", "29 CFR 2590.712",
                "Attn: Provider Relations and Appeals").doesNotContain("438.910");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(represented).contains("as our patient's authorized representative", "Ana Rivera, parent",
                "Attn: Plan Administrator");
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(afterRevocation).contains("in our own name").doesNotContain("Ana Rivera, parent");
        assertThat(subpartK).contains("42 CFR 438.900 ff.", "42 CFR 438.910").doesNotContain("2590.712");
        assertThat(parityLetters.regulatorOf(managedCare)).contains("Medicaid agency");
        assertThat(parityLetters.regulatorOf(erisa)).contains("Employee Benefits Security Administration");
    }

    @Test
    void outcomesAreTrackedPerPlanAndLimitationAndShownOnTheParityPage() {
        var corrected = send(HttpMethod.POST, "/api/denials/" + erisa + "/parity/corrected",
                Map.of("correctedOn", LocalDate.now().toString(), "note", "Plan reprocessed after our request"));
        var noCase = send("manager", HttpMethod.POST, "/api/denials/" + medicare + "/parity/corrected",
                Map.of("correctedOn", LocalDate.now().toString()));
        JsonNode outcomes = rest.withBasicAuth("parity", "demo")
                .getForEntity("/api/parity/outcomes?payerId=REGIME-ERISA", JsonNode.class).getBody();
        String page = WebClient.anonymous(port).as("parity").get("/parity?open=false").body();

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().get("correctedOn").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).get("planRegime").asText()).isEqualTo("ERISA_SELF_FUNDED");
        assertThat(outcomes.get(0).get("corrected").asLong()).isEqualTo(1);
        assertThat(outcomes.get(0).get("limitation").asText()).isEqualTo("NQTL_MEDICAL_NECESSITY");
        assertThat(page).contains("Outcomes per plan and limitation", "id=\"parity-plan-outcomes\"",
                "REGIME ERISA PLAN", "erisa self funded", "medicaid managed care");
        assertThat(rest.withBasicAuth("biller", "demo").getForEntity("/api/parity/outcomes", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void outcomesCountOnlyTheCasesOfTheUsersPractices() {
        long practice = jdbc.queryForObject("select practice_id from denial where id = ?", Long.class, erisa);
        long other = jdbc.queryForObject("select min(id) from practice where id <> ?", Long.class, practice);
        // a parity specialist of another practice only
        String user = "parity-other-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var specialist = identity.newUser(user);
        specialist.setFirstName("Pat");
        specialist.setLastName("Other");
        specialist.setPassword("demo");
        identity.saveUser(specialist);
        identity.createMembership(user, org.overturn.security.Roles.PARITY_SPECIALIST);
        identity.createMembership(user, org.overturn.denial.WorkQueue.PARITY);
        jdbc.update("insert into practice_assignment (user_id, practice_id) values (?, ?)", user, other);

        JsonNode ofTheirs = rest.withBasicAuth("parity", "demo")
                .getForEntity("/api/parity/outcomes?payerId=REGIME-ERISA", JsonNode.class).getBody();
        JsonNode ofOther = rest.withBasicAuth(user, "demo")
                .getForEntity("/api/parity/outcomes?payerId=REGIME-ERISA", JsonNode.class).getBody();
        String page = WebClient.anonymous(port).as(user).get("/parity?open=false").body();

        assertThat(ofTheirs).as("parity works every practice").hasSize(1);
        assertThat(ofOther).as("the ERISA case is another practice's").isEmpty();
        String table = page.substring(page.indexOf("id=\"parity-plan-outcomes\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).doesNotContain("REGIME ERISA PLAN");
    }

    private JsonNode screen(long denial) {
        // a manager: the parity specialist sees only denials that reached the parity queue
        return rest.withBasicAuth("manager", "demo").getForEntity("/api/denials/" + denial + "/parity", JsonNode.class)
                .getBody().get("screen");
    }

    private String text(long versionId) throws IOException {
        try (var document = Loader.loadPDF(letters.pdf(versionId))) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, Map<String, String> body) {
        return send("parity", method, path, body);
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}

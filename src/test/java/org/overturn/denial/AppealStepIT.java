package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PayerProfile;
import org.overturn.payer.PlanFunding;
import org.overturn.payer.PlanType;
import org.overturn.regime.AppealRecipients;
import org.overturn.regime.AppealRegime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/denials/{id}} carries {@code "appeal"}: the regime from CLP06 and the payer directory, level 1
 * due from the remittance date, the recipient; the next level opens from the decision letter's date, with the
 * regime's window and the recipient directory's entry.
 */
@OverturnIntegrationTest
class AppealStepIT {

    static final LocalDate REMITTED = LocalDate.of(2026, 3, 2);

    @Autowired
    RemittanceIntake intake;
    @Autowired
    PayerDirectory payers;
    @Autowired
    AppealDeadlines deadlines;
    @Autowired
    AppealRecipients recipients;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    OverturnRates overturnRates;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final String id = "RG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void aMedicareDenialIsARedeterminationDueByThePayersLimitWithinTheRulesWindow() {
        long denial = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*50*150", "150");

        JsonNode appeal = appeal(denial);
        assertThat(appeal.get("regime").asText()).isEqualTo("MEDICARE_AB");
        assertThat(appeal.get("level").asInt()).isEqualTo(1);
        assertThat(appeal.get("levelName").asText()).isEqualTo("Redetermination");
        // the rule gives 120 days from receipt (5 days after the notice); the payer's default 120 from the notice
        // is earlier, and the earlier date is the one to keep
        assertThat(appeal.get("dueOn").asText()).isEqualTo(REMITTED.plusDays(120).toString());
        assertThat(appeal.get("recipient").asText()).isEqualTo("NOVITAS SOLUTIONS appeals");
        assertThat(appeal.properties()).extracting(Map.Entry::getKey)
                .containsExactly("regime", "level", "levelName", "dueOn", "recipient");
    }

    @Test
    void aMedicareDenialBelowTheAljFloorStopsAfterReconsideration() {
        long small = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*50*150", "150");
        long large = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*50*250", "250");

        assertThat(deadlines.hasLevelAfter(small, 1)).isTrue();
        assertThat(deadlines.hasLevelAfter(small, 2)).as("$150 is under the 2026 ALJ floor of $200").isFalse();
        assertThat(deadlines.hasLevelAfter(large, 2)).isTrue();

        AppealStep reconsideration = deadlines.raise(small, LocalDate.of(2026, 5, 4));
        assertThat(reconsideration).isEqualTo(new AppealStep(AppealRegime.MEDICARE_AB, 2, "Reconsideration",
                LocalDate.of(2026, 5, 4).plusDays(5 + 180),
                "the Qualified Independent Contractor named on the redetermination notice"));
        assertThat(appeal(small).get("dueOn").asText()).isEqualTo("2026-11-05");
        assertThat(jdbc.queryForObject("select appeal_due_date from denial where id = ?", LocalDate.class, small))
                .as("the queue sorts on the level's due date").isEqualTo(LocalDate.of(2026, 11, 5));
    }

    @Test
    void anErisaPlanClimbsToExternalReviewByTheIroOfItsState() {
        payers.appealLimitDays(id, "AETNA", "12");
        confirm(new PayerProfile(id, "AETNA", PlanType.COMMERCIAL, "appeals@aetna.example", 180, null, null, 90,
                null, null, null, null, "VT", null, null, false));
        recipients.load(new StringReader("""
                kind,state,name,email,address,phone,source
                IRO,VT,Quality Review Partners,reviews@qrp.example,,,state assignment list 2026
                """));
        long denial = denial("AETNA", "12", "CAS*CO*50*400", "400");

        assertThat(appeal(denial).get("regime").asText()).isEqualTo("ERISA");
        assertThat(appeal(denial).get("recipient").asText()).isEqualTo("AETNA appeals (appeals@aetna.example)");
        assertThat(appeal(denial).get("dueOn").asText()).isEqualTo(REMITTED.plusDays(180).toString());

        AppealStep external = deadlines.raise(denial, LocalDate.of(2026, 6, 15));

        assertThat(external).isEqualTo(new AppealStep(AppealRegime.ERISA, 2, "External review",
                LocalDate.of(2026, 10, 15), "Quality Review Partners (reviews@qrp.example)"));
        assertThat(deadlines.hasLevelAfter(denial, 2)).as("external review is the last level").isFalse();
    }

    @Test
    void aPlanOutsideErisaFollowsTheStatesReviewAndAMedicaidManagedCarePlanTheFairHearing() {
        payers.appealLimitDays(id, "STATE PLAN", "12");
        var response = rest.withBasicAuth("manager", "demo").exchange("/api/payers/" + id + "/appeal-terms",
                HttpMethod.PUT, new HttpEntity<>(new PayerAppealTerms(PlanFunding.INDIVIDUAL_MARKET, false, null)),
                JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(rest.withBasicAuth("biller", "demo").exchange("/api/payers/" + id + "/appeal-terms",
                HttpMethod.PUT, new HttpEntity<>(PayerAppealTerms.NONE), JsonNode.class).getStatusCode().value())
                .as("billers read the directory, managers change it").isEqualTo(403);
        long individual = denial("STATE PLAN", "12", "CAS*CO*50*150", "150");
        assertThat(appeal(individual).get("regime").asText()).isEqualTo("COMMERCIAL_STATE");

        String medicaid = id + "M";
        payers.appealLimitDays(medicaid, "SUNSHINE HEALTH", "MC");
        payers.routeAppeals(medicaid, new PayerAppealTerms(null, true, null), "manager");
        long managed = denial(medicaid, "SUNSHINE HEALTH", "MC", "CAS*CO*50*150", "150");
        JsonNode appeal = appeal(managed);
        assertThat(appeal.get("regime").asText()).isEqualTo("MEDICAID_MANAGED_CARE");
        assertThat(appeal.get("levelName").asText()).isEqualTo("Plan appeal");
        assertThat(appeal.get("dueOn").asText()).as("the plan's own window: the Medicaid default of 90 days")
                .isEqualTo(REMITTED.plusDays(90).toString());
        assertThat(deadlines.raise(managed, LocalDate.of(2026, 4, 1)).dueOn()).isEqualTo(LocalDate.of(2026, 7, 30));
    }

    @Test
    void aNetworkProviderMayTakeTheContractualDisputeInstead() {
        payers.appealLimitDays(id, "CIGNA", "12");
        payers.routeAppeals(id, new PayerAppealTerms(PlanFunding.EMPLOYER_GROUP, false, 45), "manager");
        long denial = denial("CIGNA", "12", "CAS*CO*50*150", "150");

        AppealStep dispute = deadlines.route(denial, AppealRegime.PROVIDER_DISPUTE);

        assertThat(dispute).isEqualTo(new AppealStep(AppealRegime.PROVIDER_DISPUTE, 1, "Provider dispute",
                REMITTED.plusDays(45), "CIGNA appeals"));
        assertThat(appeal(denial).get("regime").asText()).isEqualTo("PROVIDER_DISPUTE");
    }

    @Test
    void raisingTheLevelRanksTheDenialByTheNewLevelsDueDate() {
        long denial = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*50*150", "150");
        int levelOne = priority(denial);
        LocalDate today = LocalDate.now(clock);
        // the redetermination decided 170 days ago: the reconsideration (180 days plus 5 for the mail) is due in 15
        AppealStep reconsideration = deadlines.raise(denial, today.minusDays(170));

        assertThat(reconsideration.dueOn()).isEqualTo(today.plusDays(15));
        int levelTwo = priority(denial);
        assertThat(levelTwo).isEqualTo(DenialPriority.score(new java.math.BigDecimal("150.00"), 15, 185,
                overturnRates.of(RootCause.MEDICAL_NECESSITY)));
        assertThat(levelTwo).as("level 1 ran out long ago (a sunk score); level 2 is due in 15 days")
                .isGreaterThan(levelOne + 20);
    }

    private int priority(long denial) {
        return jdbc.queryForObject("select priority from denial where id = ?", Integer.class, denial);
    }

    @Test
    void aDenialThatIsNotAppealableCarriesNoAppeal() {
        long denial = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*16*150", "150");

        JsonNode detail = rest.withBasicAuth("biller", "demo").getForObject("/api/denials/" + denial, JsonNode.class);
        assertThat(detail.get("appealable").asBoolean()).isFalse();
        assertThat(detail.get("appeal").isNull()).isTrue();
    }

    @Test
    void theDashboardCountsDeadlinesMissed() {
        long before = deadlines.counts().missed();
        // remitted long ago: its 120 days to appeal were over when the file came, so it is recorded missed as stored
        long denial = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*50*150", "150");
        assertThat(deadlines.record(denial, 1, AppealDeadlines.DeadlineEvent.MISSED, REMITTED.plusDays(120),
                java.time.Instant.now())).as("once per level").isFalse();

        var counts = deadlines.counts();
        assertThat(counts.missed()).isEqualTo(before + 1);
        assertThat(org.overturn.WebClient.anonymous(port).as("manager").get("/dashboard").body())
                .contains("id=\"kpi-deadlines-missed\" class=\"bad\">" + counts.missed() + "<",
                        "id=\"kpi-deadlines-met\">" + counts.met() + "<");
    }

    @Test
    void theDenialPageShowsTheAppealRoute() {
        long denial = denial("NOVITAS SOLUTIONS", "MB", "CAS*CO*50*150", "150");

        assertThat(org.overturn.WebClient.anonymous(port).as("biller").get("/denials/" + denial).body())
                .contains("id=\"appeal-step\"", "Redetermination", "Medicare ab · level 1 · to NOVITAS SOLUTIONS appeals");
    }

    private void confirm(PayerProfile profile) {
        var response = rest.withBasicAuth("manager", "demo").exchange("/api/payers/" + profile.id(), HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", profile.name(), "planType", profile.planType().name(),
                        "appealEmail", profile.appealEmail(), "appealLimitDays", String.valueOf(profile.appealLimitDays()),
                        "timelyFilingDays", String.valueOf(profile.timelyFilingDays()), "state", profile.state())),
                JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    }

    private long denial(String payerName, String filing, String cas, String charge) {
        return denial(id, payerName, filing, cas, charge);
    }

    private long denial(String payerId, String payerName, String filing, String cas, String charge) {
        String claim = "AP" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
        intake.ingest(claim + ".835", KnownRemittance.from(payerId, payerName, claim, "20260302", "0")
                .claim("CLP*" + claim + "*4*" + charge + "*0**" + filing, cas,
                        "SVC*HC:90837*" + charge + "*0**1", "DTM*472*20260220").bytes(), "UPLOAD", "test");
        return jdbc.queryForObject("select id from denial where patient_control_number = ?", Long.class, claim);
    }

    private JsonNode appeal(long denial) {
        return rest.withBasicAuth("biller", "demo").getForObject("/api/denials/" + denial, JsonNode.class)
                .get("appeal");
    }

}

package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.overturn.Browser;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portfolio and the dashboard's practice filter on two practices of the test's own with known denials: each
 * practice's row holds the figures the dashboard shows for that practice alone; a manager assigned to one of them
 * sees that one only, on the page, in the JSON, the workbook, the dashboard and its filter, and the reports; and in
 * a browser the manager filters the dashboard by practice and reads the portfolio.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioIT {

    static final Instant DETECTED = Instant.parse("2026-03-11T00:00:00Z");

    @Autowired
    RemittanceIntake intake;
    @Autowired
    Kpis kpis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String manager = "pf-manager-" + tag.toLowerCase();
    long mine;
    long theirs;

    @BeforeAll
    void twoPracticesAndAManagerOfOne() {
        mine = practice("Portfolio Mine " + tag);
        theirs = practice("Portfolio Theirs " + tag);
        // mine: 4 claims, 2 denied (one recovered after 10 days, one appealed: level 1 upheld, level 2 overturned)
        ingest(mine, "PFA" + tag, KnownRemittance.from("PFA" + tag, "PORTFOLIO PLAN A", "PFA" + tag, "20260302", "300")
                .claim("CLP*P1*1*100*100**12", "SVC*HC:90834*100*100**1")
                .claim("CLP*P2*1*200*200**12", "SVC*HC:90837*200*200**1")
                .claim("CLP*P3*4*150*0**12", "CAS*CO*197*150", "SVC*HC:90834*150*0**1")
                .claim("CLP*P4*4*400*0**12", "CAS*CO*50*400", "SVC*HC:90791*400*0**1"), 2);
        // theirs: 2 claims, both denied and open
        ingest(theirs, "PFB" + tag, KnownRemittance.from("PFB" + tag, "PORTFOLIO PLAN B", "PFB" + tag, "20260303", "0")
                .claim("CLP*Q1*4*700*0**12", "CAS*CO*16*700", "SVC*HC:90837*700*0**1")
                .claim("CLP*Q2*4*900*0**12", "CAS*CO*29*900", "SVC*HC:90837*900*0**1"), 2);
        update("PFA" + tag, "P3", "RECOVERED", "150.00", 10);
        jdbc.update("update denial set status = 'APPEALED' where payer_id = ? and patient_control_number = 'P4'",
                "PFA" + tag);
        appeal("PFA" + tag, "P4", 1, "UPHELD");
        appeal("PFA" + tag, "P4", 2, "OVERTURNED");

        var user = identity.newUser(manager);
        user.setPassword("portfolio-password");
        identity.saveUser(user);
        identity.createMembership(manager, Roles.MANAGER);
        jdbc.update("insert into practice_assignment (user_id, practice_id) values (?, ?)", manager, mine);
    }

    @Test
    void eachRowIsWhatTheDashboardShowsForThatPracticeAlone() {
        JsonNode rows = rest.withBasicAuth("admin", "demo").getForObject("/api/dashboard/portfolio", JsonNode.class)
                .get("practices");
        for (long practice : List.of(mine, theirs)) {
            JsonNode row = rowOf(rows, practice);
            Dashboard alone = kpis.compute(new DashboardFilter(null, null, null, practice, null));
            assertThat(row.get("claims").asLong()).isEqualTo(alone.overall().claims());
            assertThat(row.get("denialRate").asDouble()).isCloseTo(alone.overall().byVolume(), within(1e-9));
            assertThat(row.get("dollarsAtRisk").decimalValue()).isEqualByComparingTo(alone.open().atRisk());
            long decided = alone.appealsByLevel().stream().mapToLong(Dashboard.AppealOutcomes::decided).sum();
            long overturned = alone.appealsByLevel().stream().mapToLong(Dashboard.AppealOutcomes::overturned).sum();
            assertThat(row.get("appealsDecided").asLong()).isEqualTo(decided);
            assertThat(row.get("overturned").asLong()).isEqualTo(overturned);
            if (alone.toResolution().averageDays() == null) {
                assertThat(row.get("daysToResolution").isNull()).isTrue();
            } else {
                assertThat(row.get("daysToResolution").asDouble())
                        .isCloseTo(alone.toResolution().averageDays(), within(1e-6));
            }
        }
        JsonNode m = rowOf(rows, mine);
        assertThat(m.get("claims").asLong()).isEqualTo(4);
        assertThat(m.get("denialRate").asDouble()).isEqualTo(0.5);
        assertThat(m.get("dollarsAtRisk").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(m.get("overturnRate").asDouble()).isEqualTo(0.5);
        assertThat(m.get("daysToResolution").asDouble()).isCloseTo(10.0, within(1e-6));
        JsonNode t = rowOf(rows, theirs);
        assertThat(t.get("denialRate").asDouble()).isEqualTo(1.0);
        assertThat(t.get("dollarsAtRisk").decimalValue()).isEqualByComparingTo("1600.00");
        assertThat(t.get("overturnRate").isNull()).isTrue();
    }

    @Test
    void aManagerOfOnePracticeSeesThatOneOnly() throws Exception {
        var as = rest.withBasicAuth(manager, "portfolio-password");
        JsonNode rows = as.getForObject("/api/dashboard/portfolio", JsonNode.class).get("practices");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("practice").get("id").asLong()).isEqualTo(mine);

        // the dashboard without a filter counts the manager's practice only; the other practice cannot be chosen
        JsonNode dashboard = as.getForObject("/api/dashboard", JsonNode.class).get("dashboard");
        assertThat(dashboard.get("overall").get("claims").asLong()).isEqualTo(4);
        assertThat(dashboard.get("open").get("atRisk").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(as.getForEntity("/api/dashboard?practice=" + theirs, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as.getForEntity("/api/dashboard/reports/" + theirs + "/2026-03", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as.getForEntity("/api/dashboard/reports/" + theirs + "/2026-03.pdf", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as.getForEntity("/api/dashboard/reports/" + mine + "/2026-03", JsonNode.class).getBody()
                .get("received").get("denials").asLong()).isEqualTo(2);

        byte[] workbook = as.getForObject("/api/dashboard/portfolio.xlsx", byte[].class);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            var sheet = book.getSheet("Portfolio");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Portfolio Mine " + tag);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(400.0);
        }
    }

    @Test
    void inABrowserTheManagerFiltersTheDashboardByPracticeAndReadsThePortfolio() {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            page.get(url("/login"));
            page.findElement(By.id("username")).sendKeys("admin");
            page.findElement(By.id("password")).sendKeys("demo");
            browser.openNextPage(page.findElement(By.id("sign-in")));

            page.get(url("/dashboard"));
            new Select(page.findElement(By.id("practice"))).selectByValue(String.valueOf(theirs));
            browser.openNextPage(page.findElement(By.id("apply-dashboard")));
            assertThat(page.getCurrentUrl()).contains("practice=" + theirs);
            assertThat(page.findElement(By.id("kpi-claims")).getText()).isEqualTo("2");
            assertThat(page.findElement(By.id("kpi-open")).getText()).isEqualTo("$1,600.00");
            browser.screenshot("portfolio-01-dashboard-filtered-by-practice");

            browser.openNextPage(page.findElement(By.id("open-portfolio")));
            String table = page.findElement(By.id("portfolio")).getText();
            assertThat(table).contains("Portfolio Mine " + tag).contains("Portfolio Theirs " + tag);
            assertThat(page.findElement(By.id("portfolio-" + mine)).getText()).contains("50.0%").contains("$400.00");
            browser.screenshot("portfolio-02-admin");
            browser.openNextPage(page.findElement(By.id("open-report-" + mine)));
            browser.driver().executeScript("document.getElementById('month').value = '2026-03';");
            browser.openNextPage(page.findElement(By.id("show-report")));
            assertThat(page.findElement(By.id("h-report")).getText()).isEqualTo("Portfolio Mine " + tag + " · 2026-03");
            assertThat(page.findElement(By.id("report-summary")).getText()).contains("Denials received 2 $550.00");
            assertThat(page.findElement(By.id("report-pdf")).getAttribute("href"))
                    .endsWith("/dashboard/reports/" + mine + "/2026-03.pdf");
            browser.screenshot("portfolio-03-monthly-report");
            page.get(url("/dashboard/portfolio"));
            browser.openNextPage(page.findElement(By.id("open-practice-" + mine)));
            assertThat(page.findElement(By.id("kpi-claims")).getText()).isEqualTo("4");
            page.manage().deleteAllCookies();

            page.get(url("/login"));
            page.findElement(By.id("username")).sendKeys(manager);
            page.findElement(By.id("password")).sendKeys("portfolio-password");
            browser.openNextPage(page.findElement(By.id("sign-in")));
            page.get(url("/dashboard/portfolio"));
            assertThat(page.findElement(By.id("portfolio")).getText()).contains("Portfolio Mine " + tag)
                    .doesNotContain("Portfolio Theirs " + tag);
            browser.screenshot("portfolio-04-manager-of-one");
            page.get(url("/dashboard"));
            List<String> choices = new ArrayList<>();
            new Select(page.findElement(By.id("practice"))).getOptions().forEach(o -> choices.add(o.getText()));
            assertThat(choices).contains("Portfolio Mine " + tag).doesNotContain("Portfolio Theirs " + tag);
            assertThat(page.findElement(By.id("kpi-claims")).getText()).isEqualTo("4");
            page.get(url("/dashboard/reports"));
            List<String> reportChoices = new ArrayList<>();
            new Select(page.findElement(By.id("practice"))).getOptions().forEach(o -> reportChoices.add(o.getText()));
            assertThat(reportChoices).containsExactly("Portfolio Mine " + tag);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static JsonNode rowOf(JsonNode rows, long practice) {
        for (JsonNode row : rows) {
            if (row.get("practice").get("id").asLong() == practice) {
                return row;
            }
        }
        throw new AssertionError("no row of practice " + practice + " in " + rows);
    }

    private long practice(String name) {
        return jdbc.queryForObject("insert into practice (name, status, recognised_from) values (?, 'ACTIVE', 'CREATED') "
                + "returning id", Long.class, name);
    }

    private void ingest(long practice, String payer, KnownRemittance remittance, int denials) {
        intake.ingest(payer + ".835", remittance.bytes(), "UPLOAD", "test");
        jdbc.update("update remittance set practice_id = ? where payer_id = ?", practice, payer);
        jdbc.update("update denial set practice_id = ?, detected_at = ? where payer_id = ?", practice,
                Timestamp.from(DETECTED), payer);
        KnownRemittance.awaitTasks(jdbc, payer, denials);
    }

    private void update(String payer, String claim, String status, String recovered, int afterDays) {
        jdbc.update("update denial set status = ?, recovered_amount = ?::numeric, closed_at = ? where payer_id = ? "
                + "and patient_control_number = ?", status, recovered,
                Timestamp.from(DETECTED.plus(Duration.ofDays(afterDays))), payer, claim);
    }

    private void appeal(String payer, String claim, int level, String outcome) {
        jdbc.update("""
                insert into appeal (denial_id, level, argument, prepared_by, sent_at, outcome, decided_at)
                select id, ?, 'test', 'biller', ?, ?, ? from denial where payer_id = ? and patient_control_number = ?""",
                level, Timestamp.from(DETECTED.plus(Duration.ofDays(level * 5L))), outcome,
                Timestamp.from(DETECTED.plus(Duration.ofDays(level * 5L + 20))), payer, claim);
    }
}

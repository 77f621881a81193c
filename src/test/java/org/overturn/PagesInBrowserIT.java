package org.overturn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.intake.RemittanceIntake;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A biller and a manager at work in a real (headless) Chromium: sign in, open a queue, claim a task, get a
 * validation message on the correction form, complete it and see the task leave the queue; then the
 * dashboard's figures for a known data set and its Excel download. Screenshots of each page go to
 * {@code target/screenshots/}.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBrowserIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final String payer = "BR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    long telehealth;
    long necessity;
    long sud;
    Browser browser;

    @BeforeAll
    void ingestAndOpenBrowser() {
        intake.ingest("browser.835", KnownRemittance.from(payer, "BROWSER HEALTH", payer + "-1", "20260302", "100")
                .claim("CLP*BR-PAID*1*100*100**12", "NM1*82*1*DOE*JANE****XX*1111111111", "SVC*HC:90834*100*100**1",
                        "DTM*472*20260220")
                .claim("CLP*BR-TELE*4*150*0**12", "CAS*CO*4*150", "NM1*QC*1*PATIENT*PAT", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90837:95*150*0**1", "DTM*472*20260221", "LQ*HE*M77")
                .claim("CLP*BR-NEED*4*200*0**12", "CAS*CO*50*200", "NM1*82*1*ROE*RICK****XX*2222222222",
                        "SVC*HC:90791*200*0**1", "DTM*472*20260222", "LQ*HE*N115")
                .claim("CLP*BR-SUD*4*300*0**12", "CAS*CO*197*300", "SVC*HC:H0015*300*0**1", "DTM*472*20260223")
                .bytes(), "UPLOAD", "test");
        Map<String, Long> ids = jdbc.query("select patient_control_number, id from denial where payer_id = ?",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)), payer).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        telehealth = ids.get("BR-TELE");
        necessity = ids.get("BR-NEED");
        sud = ids.get("BR-SUD");
        KnownRemittance.awaitTasks(jdbc, payer, 3);
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        browser = Browser.start();
        // every page records what its Content-Security-Policy blocked (a script injected this way is not subject
        // to the policy itself)
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                    e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':'
                    + e.lineNumber));
                """));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void billerWorksATaskAndManagerReadsAndDownloadsTheDashboard() throws IOException {
        ChromeDriver page = browser.driver();
        page.get(url("/login"));
        assertThat(page.getTitle()).isEqualTo("Sign in · Overturn");
        browser.screenshotOfScreen("01-sign-in");
        assertNoCspViolations();
        // (the engine delays a user's next login by seconds after a failure: the wrong attempt is someone else's)
        signIn("nobody", "wrong");
        assertThat(page.findElement(By.id("login-error")).getText()).contains("Wrong user name or password");
        signIn("biller", "demo");
        awaitUrl(u -> u.equals(url("/")));
        assertThat(page.getTitle()).isEqualTo("My queues · Overturn");
        browser.screenshot("02-my-queues");
        assertNoCspViolations();
        browser.openNextPage(page.findElement(By.id("queue-coding")));
        new Select(page.findElement(By.id("payer"))).selectByVisibleText("BROWSER HEALTH");
        browser.openNextPage(page.findElement(By.id("apply-filters")));
        WebElement row = taskRow(telehealth);
        assertThat(row.getText()).contains("Correct claim", "BROWSER HEALTH", "$150.00", "unclaimed");
        browser.screenshot("03-queue");
        assertNoCspViolations();

        browser.openNextPage(row.findElement(By.xpath(".//button[text()='Claim']")));
        assertThat(page.findElement(By.cssSelector(".alert")).getText()).contains("The task is yours");
        assertThat(taskRow(telehealth).getText()).contains("biller");
        browser.openNextPage(taskRow(telehealth).findElement(By.linkText("#" + telehealth)));

        assertThat(page.getTitle()).isEqualTo("Denial #" + telehealth + " · Overturn");
        assertThat(page.findElement(By.id("payer-words")).getText()).contains("CO-4", "M77");
        assertThat(page.findElement(By.id("lines")).getText()).contains("90837", "95");
        browser.screenshot("04-denial");
        assertNoCspViolations();

        page.findElement(By.id("f-correctionOutcome-CORRECTED")).click();
        browser.openNextPage(page.findElement(By.id("complete-task")));
        assertThat(page.findElement(By.id("e-whatChanged")).getText()).isEqualTo("Say what you changed on the claim");
        assertThat(page.findElement(By.id("e-correctionReason")).getText()).isEqualTo("Say why the change is right");
        assertThat(page.findElement(By.id("f-correctionOutcome-CORRECTED")).isSelected()).isTrue();
        browser.screenshot("05-form-validation");
        assertNoCspViolations();

        page.findElement(By.id("f-whatChanged")).sendKeys("Modifier 95 replaced by place of service 10");
        page.findElement(By.id("f-correctionReason")).sendKeys("Session was by video at the patient's home");
        browser.openNextPage(page.findElement(By.id("complete-task")));
        awaitUrl(u -> u.endsWith("/queues/coding"));
        assertThat(page.findElement(By.cssSelector(".alert")).getText())
                .contains("Done: Correct claim for denial #" + telehealth);
        assertThat(page.findElements(By.cssSelector("tr[data-href='/denials/" + telehealth + "']"))).isEmpty();

        page.get(url("/denials/" + sud));
        assertThat(page.findElement(By.id("part2-restricted")).getText()).contains("42 CFR Part 2");
        browser.screenshot("06-part2-redacted");
        assertNoCspViolations();
        browser.openNextPage(page.findElement(By.xpath("//button[text()='Sign out']")));
        awaitUrl(u -> u.endsWith("/login?logout"));

        signIn("manager", "demo");
        page.get(url("/dashboard?payer=" + payer));
        // four claims, three denied ($650 of $750 charged); after the correction $650 is still open
        assertThat(page.findElement(By.id("kpi-claims")).getText()).isEqualTo("4");
        assertThat(page.findElement(By.id("kpi-rate-volume")).getText()).isEqualTo("75.0%");
        assertThat(page.findElement(By.id("kpi-rate-dollars")).getText()).isEqualTo("86.7%");
        assertThat(page.findElement(By.id("kpi-open")).getText()).isEqualTo("$650.00");
        new WebDriverWait(page, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                page.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('chart-payer');")));
        browser.screenshot("07-dashboard");
        assertNoCspViolations();

        page.findElement(By.id("export-dashboard")).click();
        Path workbook = awaitDownload(browser.downloads());
        try (var excel = new XSSFWorkbook(Files.newInputStream(workbook))) {
            Sheet summary = excel.getSheet("Summary");
            assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(summary.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(750.0);
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Initial denial rate by volume");
            assertThat(summary.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(0.75);
            assertThat(summary.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(650.0);
            assertThat(excel.getSheet("Denial rate by payer").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("BROWSER HEALTH");
        }

        page.get(url("/denials?payer=" + payer));
        browser.screenshot("08-denial-search");
        assertNoCspViolations();
    }

    /** Nothing on the page was blocked by its Content-Security-Policy: no inline script, handler or style. */
    private void assertNoCspViolations() {
        ChromeDriver page = browser.driver();
        Object violations = page.executeScript("return window.__cspViolations || null;");
        assertThat(violations).as("CSP violations on " + page.getCurrentUrl()).isEqualTo(java.util.List.of());
    }

    private void signIn(String user, String password) {
        ChromeDriver page = browser.driver();
        if (!page.getCurrentUrl().contains("/login")) {
            page.get(url("/login"));
        }
        page.findElement(By.id("username")).clear();
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys(password);
        assertThat(page.findElement(By.id("username")).getDomProperty("value")).isEqualTo(user);
        assertThat(page.findElement(By.id("password")).getDomProperty("value")).isEqualTo(password);
        browser.openNextPage(page.findElement(By.id("sign-in")));
    }

    /** A click that submits a form returns before the next page is there: wait for its address. */
    private void awaitUrl(java.util.function.Predicate<String> expected) {
        ChromeDriver page = browser.driver();
        try {
            new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> expected.test(d.getCurrentUrl()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("still at " + page.getCurrentUrl() + " after 15 s", e);
        }
    }

    private WebElement taskRow(long denialId) {
        return browser.driver().findElement(By.cssSelector("tr[data-href='/denials/" + denialId + "']"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path awaitDownload(Path folder) {
        return org.awaitility.Awaitility.await("a downloaded workbook").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    try (var files = Files.list(folder)) {
                        var done = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
                        return done.isPresent() && Files.size(done.get()) > 0 ? done.get() : null;
                    }
                }, java.util.Objects::nonNull);
    }
}

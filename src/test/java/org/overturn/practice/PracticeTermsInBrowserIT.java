package org.overturn.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.overturn.Browser;
import org.overturn.OverturnIntegrationTest;
import org.overturn.TestPractices;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PracticeContracts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A practice's page in a browser: an admin opens it from the practices list, sets the practice's own terms with a
 * payer, adds a contracted rate, changes it, is told what is wrong with a bad one, imports a CSV with a bad row
 * (nothing imported, row and column named) and then a good one, removes a rate, and adds and removes a Part 2
 * program of the practice.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeTermsInBrowserIT {

    static final String PAYER = "PRACTICE-BROWSER-PLAN";
    /** An NPI no other test bills with (its check digit is right). */
    static final String PROGRAM_NPI = "1765432103";

    @Autowired
    PayerDirectory payers;
    @Autowired
    PracticeContracts contracts;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    Browser browser;
    long practice;

    @BeforeAll
    void openBrowser() {
        payers.appealLimitDays(PAYER, "PRACTICE BROWSER PLAN", "12"); // the directory's entry
        practice = TestPractices.of(jdbc, DemoPractices.SUD_PROGRAM);
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        browser = Browser.start();
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                    e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
                """));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminKeepsAPracticesTermsRatesAndPart2Programs() throws Exception {
        ChromeDriver page = browser.driver();
        signIn("admin");
        page.get(url("/practices"));
        browser.openNextPage(page.findElement(By.linkText(DemoPractices.SUD_PROGRAM.name())));
        assertThat(page.getCurrentUrl()).isEqualTo(url("/practices/" + practice));

        new Select(page.findElement(By.id("t-payer"))).selectByValue(PAYER);
        type("t-appeal", "45");
        type("t-filing", "120");
        browser.openNextPage(page.findElement(By.id("save-terms")));
        assertThat(page.findElement(By.id("terms-" + PAYER)).getText()).contains("45").contains("120");

        rate("90837", "", "2026-01-01", "140.00");
        assertThat(rateRow("90837", "any", "2026-01-01").getText()).contains("$140.00");
        rate("90837", "", "2026-01-01", "150");
        assertThat(rateRow("90837", "any", "2026-01-01").getText()).as("the same rate changed").contains("$150.00");
        rate("90837", "95", "2026-01-01", "155.00");
        assertThat(rows()).hasSize(2);
        browser.screenshot("practice-01-rates");

        rate("9083", "", "2026-01-01", "10");
        assertThat(page.findElement(By.cssSelector(".alert.error")).getText()).contains("Nothing was saved")
                .contains("procedureCode: Enter a five-character CPT or HCPCS code");

        importCsv("""
                payerId,procedureCode,modifier,effectiveFrom,allowedAmount
                %s,90834,,2026-01-01,100.00
                %s,90846,,2026-01-01,lots
                """.formatted(PAYER, PAYER));
        assertThat(page.findElement(By.cssSelector(".alert.error")).getText())
                .contains("row 3, allowedAmount: Enter the allowed amount in dollars");
        assertThat(rows()).as("nothing imported").hasSize(2);
        browser.screenshot("practice-02-import-problem");

        importCsv("""
                payerId,procedureCode,modifier,effectiveFrom,allowedAmount
                %s,90834,,2026-01-01,100.00
                %s,90846,,01/01/2026,"1,110.00"
                """.formatted(PAYER, PAYER));
        assertThat(page.findElement(By.cssSelector(".alert.info")).getText()).isEqualTo("2 rates imported.");
        assertThat(rows()).hasSize(4);
        assertThat(rateRow("90846", "any", "2026-01-01").getText()).contains("$1,110.00");
        assertThat(contracts.rateOn(practice, PAYER, "90837", List.of("95"), java.time.LocalDate.of(2026, 3, 1)))
                .as("the contract the 835s are compared with").hasValueSatisfying(
                        r -> assertThat(r).isEqualByComparingTo("155.00"));

        browser.openNextPage(rateRow("90834", "any", "2026-01-01").findElement(By.tagName("button")));
        assertThat(rows()).hasSize(3);
        assertThat(page.findElements(By.id("rate-" + PAYER + "-90834-any-2026-01-01"))).isEmpty();

        type("g-npi", PROGRAM_NPI);
        type("g-name", "Harbor Light Outpatient SUD");
        browser.openNextPage(page.findElement(By.id("save-program")));
        assertThat(page.findElement(By.id("program-" + PROGRAM_NPI)).getText())
                .contains("Harbor Light Outpatient SUD");
        assertThat(jdbc.queryForObject("select practice_id from part2_program where npi = ?", Long.class,
                PROGRAM_NPI)).isEqualTo(practice);
        browser.screenshot("practice-03-part2");
        browser.openNextPage(page.findElement(By.id("program-" + PROGRAM_NPI)).findElement(By.tagName("button")));
        assertThat(page.findElements(By.id("program-" + PROGRAM_NPI))).isEmpty();
        assertNoCspViolations();
    }

    private void rate(String code, String modifier, String from, String amount) {
        ChromeDriver page = browser.driver();
        new Select(page.findElement(By.id("r-payer"))).selectByValue(PAYER);
        type("r-code", code);
        type("r-modifier", modifier);
        browser.driver().executeScript("document.getElementById('r-from').value = arguments[0];", from);
        type("r-amount", amount);
        browser.openNextPage(page.findElement(By.id("save-rate")));
    }

    private void importCsv(String csv) throws Exception {
        Path file = Files.createTempFile("rates", ".csv");
        Files.writeString(file, csv);
        browser.driver().findElement(By.id("r-file")).sendKeys(file.toAbsolutePath().toString());
        browser.openNextPage(browser.driver().findElement(By.id("import-rates")));
    }

    private WebElement rateRow(String code, String modifier, String from) {
        return browser.driver().findElement(By.id("rate-" + PAYER + "-" + code + "-" + modifier + "-" + from));
    }

    private List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#rates tr.rate"));
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    private void signIn(String user) {
        ChromeDriver page = browser.driver();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys("demo");
        browser.openNextPage(page.findElement(By.id("sign-in")));
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().equals(url("/")));
    }

    private void assertNoCspViolations() {
        Object violations = browser.driver().executeScript("return window.__cspViolations || null;");
        assertThat(violations).as("CSP violations").isEqualTo(List.of());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.overturn.authorization;

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
import org.overturn.Browser;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.FileIntake;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The register's page in a browser: a biller adds an authorization (the form checked on the server), sees its
 * use counted from a claim on file, downloads the import template, imports a file with a bad row (nothing
 * imported, the row and column named), then the corrected file.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationPagesInBrowserIT {

    static final String PAYER = "AUTH-BROWSER-PLAN";

    @Autowired
    FileIntake intake;
    @LocalServerPort
    int port;
    Browser browser;

    @BeforeAll
    void openBrowser() {
        // a claim on file under the number the biller will enter: 3 units used
        intake.ingest("auth-browser.837", new AuthorizationClaims(PAYER, "AUTH BROWSER PLAN").claim("ABR-1",
                "ABR-M1", "90837", 3, java.time.LocalDate.of(2026, 3, 4), "ABR-100", AuthorizationClaims.LCSW),
                "UPLOAD", "test");
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
    void aBillerAddsAnAuthorizationSeesItsUseAndImportsTheTemplate() throws Exception {
        ChromeDriver page = browser.driver();
        signIn("biller");
        browser.openNextPage(page.findElement(By.id("nav-authorizations")));
        assertThat(page.getTitle()).isEqualTo("Authorizations · Overturn");
        browser.openNextPage(page.findElement(By.id("new-authorization")));

        type("f-payerId", PAYER);
        type("f-number", "ABR-100");
        type("f-procedures", "90837");
        type("f-unitsApproved", "10");
        date("f-from", "2026-03-01");
        date("f-to", "2026-05-31");
        browser.openNextPage(page.findElement(By.id("save-authorization")));
        assertThat(page.findElement(By.id("e-memberId")).getText()).isEqualTo("required");
        browser.screenshot("auth-01-form-validation");

        type("f-memberId", "ABR-M1");
        new Select(page.findElement(By.id("f-levelOfCare"))).selectByValue("OUTPATIENT");
        browser.openNextPage(page.findElement(By.id("save-authorization")));
        awaitUrl(u -> u.contains("/authorizations?q=ABR-M1"));
        WebElement row = page.findElement(By.cssSelector("#authorizations tbody tr"));
        assertThat(row.getText()).contains("ABR-100").contains("3 / 10 / 7");
        browser.screenshot("auth-02-register");
        assertNoCspViolations();

        page.findElement(By.id("download-template")).click();
        Path template = awaitDownload(browser.downloads());
        Path bad = fill(template, "ABR-M2", "ABR-200", "lots");
        Path good = fill(template, "ABR-M2", "ABR-200", "6");

        page.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.openNextPage(page.findElement(By.id("import-authorizations")));
        assertThat(page.findElement(By.id("import-problems")).getText()).contains("nothing was imported")
                .contains("Authorizations!R2 \"Approved\": not a number");
        browser.screenshot("auth-03-import-problems");

        if (!page.findElements(By.id("import-practice")).isEmpty()) {
            // ABR-M2 has no claims on file and the biller works several practices: the import asks which one
            page.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
            browser.openNextPage(page.findElement(By.id("import-authorizations")));
            assertThat(page.findElement(By.cssSelector(".alert.error")).getText()).contains("Nothing was imported")
                    .contains("say which practice");
            page.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
            new Select(page.findElement(By.id("import-practice"))).selectByIndex(1);
        } else {
            page.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        }
        browser.openNextPage(page.findElement(By.id("import-authorizations")));
        assertThat(page.findElement(By.cssSelector(".alert.ok")).getText())
                .isEqualTo("Imported: 1 authorization(s) added, 0 updated.");
        assertThat(page.findElement(By.id("authorizations")).getText()).contains("ABR-200");
        assertNoCspViolations();
    }

    /** The template with one row filled in, as a user saves it from Excel. */
    private static Path fill(Path template, String member, String number, String units) throws Exception {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(template))) {
            var row = workbook.getSheet("Authorizations").createRow(1);
            List<String> values = List.of(PAYER, "", member, "", number, "", "90834", "", units, "2026-03-01",
                    "2026-06-30");
            for (int c = 0; c < values.size(); c++) {
                row.createCell(c).setCellValue(values.get(c));
            }
            Path file = Files.createTempFile("authorizations-" + units, ".xlsx");
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** A date input takes what its locale shows; set its value as the form posts it. */
    private void date(String id, String iso) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, iso);
    }

    private void signIn(String user) {
        ChromeDriver page = browser.driver();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys("demo");
        browser.openNextPage(page.findElement(By.id("sign-in")));
        awaitUrl(u -> u.equals(url("/")));
    }

    private void awaitUrl(java.util.function.Predicate<String> expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> expected.test(d.getCurrentUrl()));
    }

    private void assertNoCspViolations() {
        Object violations = browser.driver().executeScript("return window.__cspViolations || null;");
        assertThat(violations).as("CSP violations").isEqualTo(List.of());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path awaitDownload(Path folder) {
        return org.awaitility.Awaitility.await("the downloaded template").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    try (var files = Files.list(folder)) {
                        var done = files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
                        return done.isPresent() && Files.size(done.get()) > 0 ? done.get() : null;
                    }
                }, java.util.Objects::nonNull);
    }
}

package org.overturn.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.Browser;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.denial.HoldHarmless;
import org.overturn.intake.RemittanceIntake;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The denial's API and page say how it closed (the reason of a nothing-lost closing) and show a manager's
 * hold-harmless override; an appeals biller takes a denial down another appeal route from the page's select.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenialClosingAndRouteInBrowserIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    HoldHarmless holdHarmless;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate anonymous;
    @LocalServerPort
    int port;
    Browser browser;

    final String payer = "DCR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeAll
    void ingestAndOpenBrowser() {
        intake.ingest(payer + ".835", KnownRemittance.from(payer, "ROUTE PLAN", payer, "20260302", "0")
                .claim("CLP*RT1*4*150*0**12", "CAS*CO*50*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .claim("CLP*CL1*4*90*0**12", "CAS*CO*50*90", "SVC*HC:90834*90*0**1", "DTM*472*20260221")
                .bytes(), "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, payer, 2);
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theApiAndThePageSayWhyItClosedAndWhoOverrodeHoldHarmless() {
        long id = denial("CL1");
        // as the process's nothing-lost closing leaves it (that path is NothingLostIT's)
        jdbc.update("update denial set status = 'PAID_ELSEWHERE', closing_reason = 'PAID_BY_OTHER_PAYER', "
                + "closed_at = now() where id = ?", id);
        holdHarmless.override(id, "manager", "Member signed a waiver before the service");

        JsonNode api = anonymous.withBasicAuth("biller", "demo").getForObject("/api/denials/" + id, JsonNode.class);
        assertThat(api.get("closingReason").asText()).isEqualTo("PAID_BY_OTHER_PAYER");
        assertThat(api.get("patientBilling").get("heldHarmless").asBoolean()).isTrue();
        assertThat(api.get("patientBilling").get("override").get("manager").asText()).isEqualTo("manager");
        assertThat(api.get("patientBilling").get("override").get("reason").asText())
                .isEqualTo("Member signed a waiver before the service");

        String html = WebClient.anonymous(port).as("biller").get("/denials/" + id).body();
        assertThat(html).contains("id=\"closing-reason\">Closed: <strong>Paid by other payer</strong>",
                "id=\"hold-harmless-override\">Hold-harmless overridden: <strong>manager</strong>",
                "Member signed a waiver before the service");
        assertThat(html).doesNotContain("id=\"appeal-route-form\"");
    }

    @Test
    void anAppealsBillerChoosesAnotherAppealRouteOnThePage() {
        long id = denial("RT1");
        JsonNode before = anonymous.withBasicAuth("biller", "demo").getForObject("/api/denials/" + id, JsonNode.class);
        assertThat(before.get("appeal").get("regime").asText()).isEqualTo("ERISA");

        ChromeDriver page = browser.driver();
        signIn("biller");
        page.get(url("/denials/" + id));
        new Select(page.findElement(By.id("appeal-route"))).selectByValue("PROVIDER_DISPUTE");
        browser.openNextPage(page.findElement(By.id("route-appeal")));
        browser.screenshot("denial-appeal-route");
        assertThat(page.findElement(By.id("appeal-step")).getText()).contains("Provider dispute");
        assertThat(page.findElement(By.cssSelector(".alert")).getText()).startsWith("Appeal route: ");

        JsonNode after = anonymous.withBasicAuth("biller", "demo").getForObject("/api/denials/" + id, JsonNode.class);
        assertThat(after.get("appeal").get("regime").asText()).isEqualTo("PROVIDER_DISPUTE");
        assertThat(new Select(page.findElement(By.id("appeal-route"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("PROVIDER_DISPUTE");
    }

    private long denial(String claim) {
        return jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = ?",
                Long.class, payer, claim);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String user) {
        ChromeDriver page = browser.driver();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys("demo");
        browser.openNextPage(page.findElement(By.id("sign-in")));
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().equals(url("/")));
    }
}

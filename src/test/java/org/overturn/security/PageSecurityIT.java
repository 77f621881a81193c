package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.Template;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;

/** The pages' own defences: session-only login, CSRF, the Content-Security-Policy, the template sandbox. */
@OverturnIntegrationTest
class PageSecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    FreeMarkerConfigurer freemarker;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAuthorizationHeaderDoesNotExemptAPagePostFromItsCsrfCheck() throws Exception {
        var signedIn = WebClient.anonymous(port).as("biller");
        String session = signedIn.cookie();

        // a forged cross-site form post: the browser adds the session cookie and any Basic credentials it cached
        var forged = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                .header("Cookie", session).header("Authorization", basic("biller"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build();
        var response = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous(port).withCookie(session).get("/").statusCode())
                .as("still signed in").isEqualTo(200);
        // with the page's token the same post signs out
        assertThat(signedIn.post("/logout", Map.of()).headers().firstValue("Location").orElse(""))
                .endsWith("/login?logout");
    }

    @Test
    void productPagesAllowNoInlineScriptOrStyleAndTheEngineWebappsKeepTheirOwnPolicy() {
        var manager = WebClient.anonymous(port).as("manager");
        for (String path : new String[] {"/login", "/", "/dashboard?payer=NO-SUCH-PAYER", "/denials", "/payers"}) {
            var page = path.equals("/login") ? WebClient.anonymous(port).get(path) : manager.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("script-src 'self';", "style-src 'self';", "object-src 'none'",
                    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
            // what the policy would block: inline scripts, event handlers, style attributes
            assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\b(src|type=\"application/json\"))")
                    .doesNotContainPattern("\\son[a-z]+=\"").doesNotContain(" style=\"");
        }
        var cockpit = WebClient.anonymous(port).as("admin").get("/camunda/app/cockpit/" + engine.getName() + "/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        // Camunda's own policy: its inline scripts run by nonce
        assertThat(cockpit.headers().allValues("Content-Security-Policy")).singleElement().satisfies(policy ->
                assertThat(policy).contains("script-src 'nonce-", "object-src 'none'"));
    }

    @Test
    void aPageTemplateCannotInstantiateJavaClassesOrReachTheJavaApi() throws Exception {
        var configuration = freemarker.getConfiguration();
        var execute = new Template("hostile", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                + "${ex(\"id\")}", configuration);
        var api = new Template("hostile-api", "${page?api.getClass().getName()}", configuration);

        assertThatThrownBy(() -> execute.process(Map.of(), new StringWriter()))
                .hasMessageContaining("freemarker.template.utility.Execute");
        assertThatThrownBy(() -> api.process(Map.of("page", Map.of("a", 1)), new StringWriter()))
                .hasMessageContaining("?api");
    }

    @Test
    void theDemoRunTrustsNoForwardedHeaders() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "forwarded-demo:not-the-password".getBytes()))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https").GET().build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(jdbc.queryForList("select remote_address from audit_event where actor = 'forwarded-demo' "
                + "and action = 'LOGIN_FAILURE'", String.class)).isNotEmpty()
                .allSatisfy(address -> assertThat(address).isNotBlank().isNotEqualTo("203.0.113.7"));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes());
    }
}

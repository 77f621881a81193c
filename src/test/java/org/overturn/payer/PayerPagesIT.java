package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory's pages as a browser uses them: signed in with a session, forms carrying the CSRF token. */
@OverturnIntegrationTest
class PayerPagesIT {

    @Autowired
    PayerDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final String id = "PP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    WebClient web;

    @BeforeEach
    void flaggedPayer() {
        web = WebClient.anonymous(port);
        directory.appealLimitDays(id, "MAGELLAN HEALTHCARE", "12");
    }

    @Test
    void listsPayersWithTheFlaggedOnesHighlightedForReview() {
        var page = web.as("manager").get("/payers");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"nav-payers\"", "id=\"payer-" + id + "\" class=\"needs-review\"",
                "MAGELLAN HEALTHCARE</a> <span class=\"badge warn\">needs review</span>", "id=\"review-summary\"",
                "href=\"/api/payers/export.xlsx\"", "id=\"import-form\"", "enctype=\"multipart/form-data\"",
                "name=\"_csrf\"", "id=\"new-payer\"",
                // no days of its own for a claim status request: the configured days apply
                "id=\"claim-status-" + id + "\"><span class=\"muted\"");
        assertThat(web.as("manager").get("/payers?review=true").body()).contains("id=\"payer-" + id + "\"");
    }

    @Test
    void billersReadTheDirectoryButCannotChangeIt() {
        var list = web.as("biller").get("/payers");
        var form = web.as("biller").get("/payers/" + id);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"payer-" + id + "\"").doesNotContain("id=\"nav-payers\"",
                "id=\"import-form\"", "id=\"new-payer\"");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"read-only\"").doesNotContain("id=\"save-payer\"");
        String session = signIn("biller");
        String token = csrf(web.withCookie(session).get("/payers").body());
        assertThat(web.withCookie(session).post("/payers/" + id, Map.of("_csrf", token, "name", "X",
                "planType", "COMMERCIAL")).statusCode()).isEqualTo(403);
        assertThat(web.withCookie(session).get("/payers/new").statusCode()).isEqualTo(403);
        assertThat(directory.profile(id).orElseThrow().needsReview()).isTrue();
    }

    @Test
    void theFormShowsWhatIsWrongBesideEachFieldAndSavesOnceRight() {
        String session = signIn("manager");
        var form = web.withCookie(session).get("/payers/" + id);
        assertThat(form.body()).contains("id=\"needs-review\"", "id=\"payer-form\"", "name=\"_csrf\"",
                "value=\"MAGELLAN HEALTHCARE\"", "Confirm and save", "id=\"f-claimStatusDays\"",
                "Claim status request after (days)");
        Map<String, Object> entered = new HashMap<>(Map.of("name", "MAGELLAN HEALTHCARE", "planType", "COMMERCIAL",
                "appealEmail", "appeals at magellan", "appealLimitDays", "180", "timelyFilingDays", "90",
                "state", "Virginia", "postalCode", "23219"));

        assertThat(web.withCookie(session).post("/payers/" + id, entered).statusCode()).isEqualTo(403);
        entered.put("_csrf", csrf(form.body()));
        var invalid = web.withCookie(session).post("/payers/" + id, entered);

        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"form-problems\"", "Please correct the 2 fields marked below.",
                "id=\"e-appealEmail\">not an email address<", "id=\"e-state\">must be the state&#39;s two letters",
                "aria-invalid=\"true\"", "value=\"appeals at magellan\"");
        assertThat(directory.profile(id).orElseThrow().needsReview()).isTrue();

        entered.put("appealEmail", "appeals@magellan.example.com");
        entered.put("state", "va");
        entered.put("claimStatusDays", "45");
        var saved = web.withCookie(session).post("/payers/" + id, entered);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/payers");
        assertThat(web.withCookie(session).get("/payers").body()).contains("Saved MAGELLAN HEALTHCARE (" + id + ").",
                        "id=\"claim-status-" + id + "\">45 days<")
                .doesNotContain("id=\"payer-" + id + "\" class=\"needs-review\"");
        var profile = directory.profile(id).orElseThrow();
        assertThat(profile.needsReview()).isFalse();
        assertThat(profile.state()).isEqualTo("VA");
        assertThat(profile.appealEmail()).isEqualTo("appeals@magellan.example.com");
        assertThat(profile.claimStatusDays()).isEqualTo(45);
        assertThat(directory.claimStatusDays(id)).contains(45);
        assertThat(jdbc.queryForObject("select updated_by from payer where id = ?", String.class, id))
                .isEqualTo("manager");
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'PAYER_CHANGED' "
                + "and record_id = ?", String.class, id))
                .containsExactly("edit: changed appealEmail, state, postalCode, claimStatusDays");
    }

    @Test
    void aNewPayerNeedsAnIdNotYetOnFile() {
        String session = signIn("admin");
        var blank = web.withCookie(session).get("/payers/new");
        assertThat(blank.body()).contains("id=\"f-id\"", "action=\"/payers\"");
        String token = csrf(blank.body());

        var taken = web.withCookie(session).post("/payers", Map.of("_csrf", token, "id", id, "name", "OTHER",
                "planType", "OTHER"));
        var created = web.withCookie(session).post("/payers", Map.of("_csrf", token, "id", id + "-NEW",
                "name", "CARELON", "planType", "MEDICAID"));

        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("id=\"e-id\">a payer with this id is already on file");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(directory.profile(id + "-NEW").orElseThrow().timelyFilingDays()).isEqualTo(90);
        assertThat(directory.profile(id).orElseThrow().name()).isEqualTo("MAGELLAN HEALTHCARE");
    }

    @Test
    void anUnknownPayerIsNotFound() {
        var page = web.as("manager").get("/payers/NO-SUCH-" + id);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No payer with id NO-SUCH-" + id);
    }

    @Test
    void theImportFormListsTheProblemsOrImports() throws IOException {
        String session = signIn("manager");
        String token = csrf(web.withCookie(session).get("/payers").body());

        var bad = postFile(session, token, workbook("not-a-type"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"import-problems\"", "nothing was imported",
                "Payers!R2 &quot;Plan type&quot;: not a plan type");
        assertThat(directory.profile(id).orElseThrow().needsReview()).isTrue();

        var withoutToken = postFile(session, null, workbook("COMMERCIAL"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        var good = postFile(session, token, workbook("COMMERCIAL"));
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(web.withCookie(session).get("/payers").body()).contains("Imported: 0 payer(s) created, 1 updated.");
        assertThat(directory.profile(id).orElseThrow().needsReview()).isFalse();
    }

    private byte[] workbook(String planType) throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Payers");
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < PayerImportIT.HEADERS.size(); c++) {
                header.createCell(c).setCellValue(PayerImportIT.HEADERS.get(c));
            }
            row.createCell(0).setCellValue(id);
            row.createCell(1).setCellValue("MAGELLAN HEALTHCARE");
            row.createCell(2).setCellValue(planType);
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A signed-in session cookie, got as a browser gets it: the login form with its token, then the post. */
    private String signIn(String user) {
        var login = web.get("/login");
        var signedIn = web.withCookie(sessionCookie(login)).post("/login", Map.of("username", user,
                "password", "demo", "_csrf", csrf(login.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return sessionCookie(signedIn);
    }

    /** The import form's post: multipart, the token as a form field the way the page sends it. */
    private HttpResponse<String> postFile(String session, String token, byte[] content) {
        String boundary = "----overturn" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        if (token != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"payers.xlsx\""
                + "\r\nContent-Type: " + PayerController.XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/payers/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}

package org.overturn.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.denial.ReasonCodeList;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page and form of the biller and manager screens, server side: what each shows, who may open it, the
 * filters, claiming, validation messages, Part 2 redaction, CSRF, the Excel exports, and server time.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkPagesIT {

    private static final Pattern TASK_ROW = Pattern.compile("data-href=\"/denials/(\\d+)\"[^>]*data-task=\"([^\"]+)\"");

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final String payer = "PG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    long telehealth;
    long missingInfo;
    long sud;
    long necessity;
    WebClient web;

    @BeforeAll
    void ingest() {
        web = WebClient.anonymous(port);
        intake.ingest("pages.835", KnownRemittance.from(payer, "PAGES HEALTH", payer + "-1", "20260302", "0")
                .claim("CLP*PG1*4*180*0**12", "CAS*CO*4*180", "SVC*HC:90837:95*180*0**1", "DTM*472*20260220")
                .claim("CLP*PG2*4*120*0**12", "CAS*CO*16*120", "SVC*HC:90834*120*0**1", "DTM*472*20260221")
                .claim("CLP*PG3*4*900*0**12", "CAS*CO*197*900", "SVC*HC:H0015*900*0**1", "DTM*472*20260222")
                .claim("CLP*PG4*4*400*0**12", "CAS*CO*50*400", "SVC*HC:90791*400*0**1", "DTM*472*20260223")
                .bytes(), "UPLOAD", "test");
        Map<String, Long> ids = jdbc.query("select patient_control_number, id from denial where payer_id = ?",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)), payer).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        telehealth = ids.get("PG1");
        missingInfo = ids.get("PG2");
        sud = ids.get("PG3");
        necessity = ids.get("PG4");
        KnownRemittance.awaitTasks(jdbc, payer, 4);
    }

    @Test
    void signInPageCarriesCsrfTokenAndAnonymousVisitorsAreSentThere() {
        var login = web.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"", "id=\"username\"", "autocomplete=\"current-password\"");
        assertThat(web.get("/login?error").body()).contains("Wrong user name or password");
        var home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void myQueuesShowCountsAndDollars() {
        var home = web.as("biller").get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"queue-coding\"", "id=\"queue-appeals\"", "Overdue", "Due this week",
                "Dollars at risk").doesNotContain("id=\"queue-parity\"");
        assertThat(web.as("manager").get("/").body()).contains("Other queues", "id=\"queue-parity\"");
    }

    @Test
    void queueFiltersByPayerRootCauseProcedureAgeAndAssignee() {
        WebClient biller = web.as("biller");
        assertThat(denialsIn(biller.get("/queues/coding?payer=" + payer).body()))
                .containsExactlyInAnyOrder(telehealth, missingInfo);
        assertThat(denialsIn(biller.get("/queues/coding?payer=" + payer + "&cpt=90837").body()))
                .containsExactly(telehealth);
        assertThat(denialsIn(biller.get("/queues/coding?payer=" + payer + "&rootCause=MISSING_INFORMATION").body()))
                .containsExactly(missingInfo);
        // remitted on 2 March 2026: more than 120 days before any run of this test after July 2026
        assertThat(denialsIn(biller.get("/queues/coding?payer=" + payer + "&age=0-30").body())).isEmpty();
        assertThat(denialsIn(biller.get("/queues/coding?payer=" + payer + "&assignee=nobody&sort=dollars").body()))
                .containsExactly(telehealth, missingInfo);
        var page = biller.get("/queues/coding?payer=" + payer);
        assertThat(page.body()).contains("<option value=\"" + "PAGES HEALTH" + "\"", "Claim selected",
                "name=\"_csrf\"");
        // the filters offer the values of the queue's open tasks, and say how fresh they are
        assertThat(page.body()).contains("<option value=\"90837\"", "<option value=\"90834\"",
                "<option value=\"MISSING_INFORMATION\"", "id=\"filter-choices-age\"");
        assertThat(biller.get("/queues/nonsense").statusCode()).isEqualTo(404);
        assertThat(web.as("parity").get("/queues/coding").statusCode()).isEqualTo(403);
    }

    @Test
    void billerClaimsOneOrManyAndReleases() {
        WebClient biller = web.as("sud-biller");
        String queue = "/queues/appeals?payer=" + payer;
        String task = taskOf(biller.get(queue).body(), necessity);
        var claimed = biller.post("/tasks/" + task + "/claim", Map.of("back", queue));
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(claimed.headers().firstValue("Location").orElseThrow()).endsWith(queue);
        var mine = biller.get(queue + "&assignee=me").body();
        assertThat(denialsIn(mine)).containsExactly(necessity);
        // a claim is offered as an assignee at once, not a few seconds later
        assertThat(mine).contains("<option value=\"sud-biller\"");
        assertThat(biller.post("/tasks/" + task + "/unclaim", Map.of()).statusCode()).isEqualTo(302);
        assertThat(denialsIn(biller.get(queue + "&assignee=me").body())).isEmpty();

        var bulk = biller.post("/queues/appeals/claim", Map.of("taskId", List.of(task, "no-such-task"),
                "back", "https://elsewhere.example/"));
        assertThat(bulk.statusCode()).isEqualTo(302);
        assertThat(bulk.headers().firstValue("Location").orElseThrow()).endsWith("/queues/appeals");
        assertThat(denialsIn(biller.get(queue + "&assignee=me").body())).containsExactly(necessity);
        assertThat(biller.post("/tasks/" + task + "/unclaim", Map.of()).statusCode()).isEqualTo(302);
        // managers look but do not work other queues
        assertThat(web.as("manager").post("/tasks/" + task + "/claim", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(Integer.MAX_VALUE) // completes a task the other tests look at: runs last
    void correctionFormShowsMessagesBesideTheFieldsThenTheTaskLeavesTheQueue() {
        WebClient biller = web.as("biller");
        String queue = "/queues/coding?payer=" + payer;
        String task = taskOf(biller.get(queue).body(), missingInfo);
        var invalid = biller.post("/tasks/" + task + "/complete", Map.of("correctionOutcome", "CORRECTED",
                "whatChanged", ""));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Please correct the form", "id=\"e-whatChanged\"",
                "Say what you changed on the claim", "id=\"e-correctionReason\"", "aria-invalid=\"true\"",
                "value=\"CORRECTED\" id=\"f-correctionOutcome-CORRECTED\" checked");
        var missing = biller.post("/tasks/" + task + "/complete", Map.of());
        assertThat(missing.body()).contains("What did you do? is required");

        var done = biller.post("/tasks/" + task + "/complete", Map.of("correctionOutcome", "CORRECTED",
                "whatChanged", "Attached the session note", "correctionReason", "Payer asked for documentation"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/queues/coding");
        assertThat(denialsIn(biller.get(queue).body())).doesNotContain(missingInfo);
        var denial = biller.get("/denials/" + missingInfo).body();
        assertThat(denial).contains("Attached the session note", "Completed: Correct claim");
    }

    @Test
    void denialPageExplainsWhatThePayerSaid() {
        var page = web.as("biller").get("/denials/" + telehealth);
        assertThat(page.statusCode()).isEqualTo(200);
        String carc4 = ReasonCodeList.shipped().describeCarc("4");
        assertThat(page.body()).contains("What the payer said", "CARC 4", escape(carc4), "Root cause: Telehealth",
                "90837", "95", "$180.00", "PAGES HEALTH", "Appeal due", "History", "Denial received",
                "Task opened: Correct claim", "id=\"task-form\"", "name=\"_csrf\"", "accesskey=\"s\"");
        assertThat(web.as("biller").get("/denials/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void thePrepareAppealFormAsksForTheClinicalCaseOfAMedicalNecessityAppeal() {
        var page = web.as("biller").get("/denials/" + necessity);

        assertThat(page.body()).contains("Root cause: Medical necessity", "name=\"appealArgument\"",
                "Medical necessity: level-of-care criteria the clinician used", "name=\"necessityCriteria\" value=\"LOCUS\"",
                "value=\"ASAM\"", "name=\"necessityScores\"", "name=\"necessitySymptoms\"", "name=\"necessityRisk\"",
                "name=\"necessityLowerLevelTried\"", "name=\"peerToPeerOffered\"", "id=\"preview-letter\"");
    }

    @Test
    void part2DenialIsRedactedForUsersWithoutPart2Access() {
        var biller = web.as("biller").get("/denials/" + sud).body();
        assertThat(biller).contains("Restricted record", "42 CFR Part 2", "$900.00")
                .doesNotContain("H0015", "PAGES HEALTH", "PG3", "id=\"task-form\"");
        var sudBiller = web.as("sud-biller").get("/denials/" + sud).body();
        assertThat(sudBiller).contains("H0015", "PAGES HEALTH", "Part 2", "id=\"task-form\"");
        var queue = web.as("biller").get("/queues/authorizations?assignee=nobody&sort=dollars").body();
        assertThat(denialsIn(queue)).contains(sud);
        // neither the row nor the filters' choices say what only the Part 2 denial says
        assertThat(queue).doesNotContain("PG3", "PAGES HEALTH");
        assertThat(web.as("sud-biller").get("/queues/authorizations").body())
                .contains("<option value=\"PAGES HEALTH\"", "<option value=\"H0015\"");
        // a filter on what the denial says never finds a hidden Part 2 denial
        assertThat(denialsIn(web.as("biller").get("/queues/authorizations?payer=" + payer).body())).isEmpty();
        assertThat(denialsIn(web.as("sud-biller").get("/queues/authorizations?payer=" + payer).body()))
                .containsExactly(sud);
        assertThat(web.as("biller").post("/denials/" + sud + "/notes", Map.of("note", "x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void notesAreAddedAndAnEmptyOneIsRefused() {
        WebClient biller = web.as("biller");
        var added = biller.post("/denials/" + necessity + "/notes", Map.of("note", "Called the payer, ref 77"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(biller.get("/denials/" + necessity).body()).contains("Called the payer, ref 77");
        var empty = biller.post("/denials/" + necessity + "/notes", Map.of("note", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"e-note\"", "Write the note first");
    }

    @Test
    void denialSearchFindsByPayerAndRootCause() {
        var found = web.as("sud-biller").get("/denials?payer=" + payer + "&rootCause=medical_necessity").body();
        assertThat(found).contains("/denials/" + necessity).doesNotContain("/denials/" + telehealth + "\"");
        var all = web.as("biller").get("/denials?payer=" + payer).body();
        assertThat(all).contains("/denials/" + telehealth).doesNotContain("/denials/" + sud + "\"");
        assertThat(all).doesNotContain("id=\"export-denials\"");
        assertThat(web.as("manager").get("/denials?payer=" + payer).body()).contains("id=\"export-denials\"");
    }

    @Test
    void formPostsWithASessionNeedTheCsrfToken() {
        var login = web.get("/login");
        String cookie = sessionCookie(login);
        String token = csrf(login.body());
        var signedIn = web.withCookie(cookie).post("/login", Map.of("username", "biller", "password", "demo",
                "_csrf", token));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = sessionCookie(signedIn);
        var home = web.withCookie(session).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        String task = taskOf(web.withCookie(session).get("/queues/coding?payer=" + payer).body(), telehealth);
        assertThat(web.withCookie(session).post("/tasks/" + task + "/claim", Map.of()).statusCode()).isEqualTo(403);
        var withToken = web.withCookie(session).post("/tasks/" + task + "/claim", Map.of("_csrf", csrf(home.body())));
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(web.withCookie(session).post("/tasks/" + task + "/unclaim", Map.of("_csrf", csrf(home.body())))
                .statusCode()).isEqualTo(302);
    }

    @Test
    void dashboardAndExportsAreForManagersAndAdminsOnly() {
        for (String path : List.of("/dashboard", "/api/dashboard", "/dashboard/export.xlsx", "/exports/denials.xlsx",
                "/exports/queues/coding.xlsx")) {
            assertThat(web.as("biller").get(path).statusCode()).as(path).isEqualTo(403);
        }
        var dashboard = web.as("manager").get("/dashboard?payer=" + payer);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"kpi-claims\">4<", "id=\"kpi-rate-volume\">100.0%<",
                "/webjars/chart.js/dist/chart.umd.js", "/camunda/app/cockpit/default/#/processes");
        assertThat(web.as("manager").get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
    }

    @Test
    void denialSearchExportsRedactPart2ForManagers() throws IOException {
        var managerFile = web.as("manager").getBytes("/exports/denials.xlsx?payer=" + payer);
        assertThat(managerFile.statusCode()).isEqualTo(200);
        assertThat(managerFile.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        List<List<String>> manager = rows(managerFile.body(), "Denials");
        // a payer filter never reveals a Part 2 denial to someone who may not see it
        assertThat(manager).extracting(r -> r.get(0)).containsExactlyInAnyOrder(
                String.valueOf(telehealth), String.valueOf(missingInfo), String.valueOf(necessity));
        List<List<String>> admin = rows(web.as("admin").getBytes("/exports/denials.xlsx?payer=" + payer).body(),
                "Denials");
        assertThat(admin).hasSize(4);
        assertThat(admin).filteredOn(r -> r.get(0).equals(String.valueOf(sud))).singleElement()
                .satisfies(r -> assertThat(r).contains("PAGES HEALTH", "PG3", "900.0", "yes"));
        List<List<String>> everything = rows(web.as("manager").getBytes("/exports/denials.xlsx?status=OPEN").body(),
                "Denials");
        assertThat(everything).filteredOn(r -> r.get(0).equals(String.valueOf(sud))).singleElement()
                .satisfies(r -> assertThat(r.get(2)).isEqualTo("restricted (42 CFR Part 2)"));
    }

    @Test
    void queueAndDashboardExportsCarryTheirFilters() throws IOException {
        List<List<String>> queue = rows(web.as("manager").getBytes("/exports/queues/appeals.xlsx?payer=" + payer).body(),
                "Queue appeals");
        assertThat(queue).extracting(r -> r.get(1)).containsExactly(String.valueOf(necessity));
        assertThat(web.as("manager").getBytes("/exports/queues/nonsense.xlsx").statusCode()).isEqualTo(404);
        var dashboard = web.as("manager").getBytes("/dashboard/export.xlsx?payer=" + payer);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(dashboard.body()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).contains("Summary", "Denial rate by payer", "Denial rate by root cause",
                    "Denial rate by CPT", "Denial rate by provider", "Denial rate by week", "Open dollars by age",
                    "Queues and SLA", "Appeals by level", "Appeals by root cause", "Incidents and stuck");
            Sheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Claims (first adjudication)");
            assertThat(summary.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(summary.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1600.0);
        }
    }

    static List<Long> denialsIn(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = TASK_ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static String taskOf(String html, long denialId) {
        Matcher m = TASK_ROW.matcher(html);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) == denialId) {
                return m.group(2);
            }
        }
        throw new AssertionError("no task row for denial " + denialId);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The sheet's data rows (header left out), each cell as text ({@code 900.0} for numbers). */
    static List<List<String>> rows(byte[] xlsx, String sheetName) throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as("sheet " + sheetName).isNotNull();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                sheet.getRow(r).forEach(c -> cells.add(switch (c.getCellType()) {
                    case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)
                            ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                            : (c.getNumericCellValue() == Math.rint(c.getNumericCellValue()) && c.getColumnIndex() <= 1
                            ? String.valueOf((long) c.getNumericCellValue()) : String.valueOf(c.getNumericCellValue()));
                    default -> c.getStringCellValue();
                }));
                rows.add(cells);
            }
            return rows;
        }
    }
}

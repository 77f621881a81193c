package org.overturn.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.TestPractices;
import org.overturn.WebClient;
import org.overturn.denial.WorkQueue;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.Roles;
import org.overturn.worklist.TaskProblem;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generic practice scope test: a user of practice A walks every GET endpoint the OpenAPI document lists and
 * every page reachable from the home page, before and after practice B's denial arrives, and must see the very same
 * thing (so no B row, count or dollar reaches any list, count, chart or export); then every endpoint and page with a
 * path id is asked with practice B's ids and must refuse or show nothing of B. Endpoints added later are walked too.
 * Done as {@code biller-a} (the demo user of the first practice) and as a manager of practice A.
 */
@OverturnIntegrationTest
class PracticeScopeIT {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskWork taskWork;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.overturn.authorization.AuthorizationRegister register;
    @LocalServerPort
    int port;

    final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String payer = "SC" + tag;
    /** The member both practices' claims are for (NM1*IL), so a lookup by member is asked of both. */
    final String member = "M" + tag;
    final ObjectMapper json = new ObjectMapper();

    /** What practice B's records say that nothing else in the database says. */
    record Marks(String pcn, String patient, String dollars) {
        List<String> all() {
            return List.of(pcn, patient, dollars, dollars.replace(".", ""), "8,765.43", "8765.4");
        }
    }

    final Marks practiceB = new Marks("PB" + tag, "QUIMBYZ" + tag, "8765.43");

    /**
     * Ids of one practice's records, by the path segment that names them; {@code more}: the other records' ids by
     * their segment (authorizations, recoupments).
     */
    record Ids(long denial, long remittance, long claimPayment, String task, Map<String, String> more) {

        Ids with(String segment, Object id) {
            Map<String, String> all = new LinkedHashMap<>(more);
            all.put(segment, String.valueOf(id));
            return new Ids(denial, remittance, claimPayment, task, all);
        }
    }

    private Ids ingest(String pcn, String patient, String amount, String payeeNpi, String trace) {
        return ingest(pcn, patient, amount, payeeNpi, trace, "50");
    }

    private Ids ingest(String pcn, String patient, String amount, String payeeNpi, String trace, String carc) {
        intake.ingest(trace + ".835", KnownRemittance.toPayee(payer, "SCOPE HEALTH PLAN", trace, "20260302", "0",
                        "N1*PE*PRACTICE*XX*" + payeeNpi)
                .claim("CLP*" + pcn + "*4*" + amount + "*0**12", "CAS*CO*" + carc + "*" + amount, "NM1*QC*1*" + patient + "*ANN",
                        "NM1*IL*1*" + patient + "*ANN****MI*" + member,
                        "SVC*HC:90837*" + amount + "*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        long denial = jdbc.queryForObject("select id from denial where patient_control_number = ? and payer_id = ?",
                Long.class, pcn, payer);
        long claimPayment = jdbc.queryForObject("select claim_payment_id from denial where id = ?", Long.class, denial);
        long remittance = jdbc.queryForObject("select remittance_id from claim_payment where id = ?", Long.class,
                claimPayment);
        org.awaitility.Awaitility.await("the denial's task").atMost(java.time.Duration.ofSeconds(60))
                .until(() -> taskOf(denial) != null);
        return new Ids(denial, remittance, claimPayment, taskOf(denial), Map.of());
    }

    /** An authorization of the member for 90837 entered for the practice (the member's claims are of both). */
    private long authorize(String number, long practice, LocalDate to) {
        var keeper = new org.overturn.security.CurrentUser("biller", Set.of(Roles.BILLER), Set.copyOf(WorkQueue.ALL));
        return register.create(new org.overturn.authorization.AuthorizationDraft(payer, "SCOPE HEALTH PLAN", member,
                null, number, "OUTPATIENT", List.of("90837"), "VISITS", "10", LocalDate.now().minusDays(30).toString(),
                to.toString(), null, null, null, "APPROVED"), practice,
                org.overturn.authorization.AuthorizationSource.API, keeper).id();
    }

    /** A paid claim and a take-back (PLB WO) of 227.50 that names no claim, paid to the payee's practice. */
    private long recoupment(String payeeNpi, String trace) {
        intake.ingest(trace + ".835", KnownRemittance.toPayee(payer, "SCOPE HEALTH PLAN", trace, "20260305", "72.5",
                        "N1*PE*PRACTICE*XX*" + payeeNpi)
                .claim("CLP*RB" + tag + "*1*300*300**12*ICN" + tag, "SVC*HC:90837*300*300**1", "DTM*472*20260220")
                .claim("PLB*1234567893*20261231*WO:NOCLAIM" + tag + "*227.5")
                .bytes(), "UPLOAD", "test");
        return jdbc.queryForObject("select x.id from recoupment x join remittance r on r.id = x.remittance_id"
                + " where x.payer_id = ? and r.practice_id = ?", Long.class, payer,
                TestPractices.of(jdbc, DemoPractices.PSYCHIATRIC_GROUP));
    }

    /** Runs the authorization watch's morning timer now, as the job executor would at 6. */
    private void morningWatch() {
        var timer = management.createJobQuery().processDefinitionKey("authorization-watch").timers().active().list()
                .stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        management.executeJob(timer.getId());
    }

    private String preventionTaskOf(long authorization) {
        org.awaitility.Awaitility.await("the prevention task").atMost(java.time.Duration.ofSeconds(60))
                .until(() -> preventionTask(authorization) != null);
        return preventionTask(authorization);
    }

    private String preventionTask(long authorization) {
        return jdbc.query("""
                select t.id_ from act_ru_task t join authorization_prevention p on p.process_instance_id = t.proc_inst_id_
                 where p.authorization_id = ? limit 1
                """, rs -> rs.next() ? rs.getString(1) : null, authorization);
    }

    private String taskOf(long denial) {
        return jdbc.query("""
                select t.id_ from act_ru_task t join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                 where dp.denial_id = ? limit 1
                """, rs -> rs.next() ? rs.getString(1) : null, denial);
    }

    /** A manager who works practice A only: the dashboard and every queue, read-only, of that one practice. */
    private String managerOfA() {
        String id = "manager-a-" + tag.toLowerCase();
        var user = identity.newUser(id);
        user.setFirstName("Ann");
        user.setLastName("Ager");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, Roles.MANAGER);
        identity.createMembership(id, WorkQueue.MANAGERS);
        jdbc.update("insert into practice_assignment (user_id, practice_id) values (?, ?)", id,
                jdbc.queryForObject("select id from practice where group_npi = ?", Long.class,
                        DemoPractices.GROUP_THERAPY.npi()));
        return id;
    }

    @Test
    void aUserOfPracticeASeesNothingOfPracticeBAnywhere() throws Exception {
        LocalDate today = LocalDate.now();
        // practice A's authorization for the member (ending far off: nothing for the watch) and no recoupment
        Ids a = ingest("PA" + tag, "ALDENZ" + tag, "1234.56", DemoPractices.GROUP_THERAPY.npi(), payer + "-A")
                .with("authorizations", authorize("AUA" + tag, TestPractices.first(jdbc), today.plusDays(200)))
                .with("recoupments", 0);
        // whatever the watch finds in the database so far is found before the walks
        morningWatch();
        String manager = managerOfA();
        List<String> users = List.of(DemoPractices.FIRST_PRACTICE_USER, manager);

        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        for (String user : users) {
            before.put(user, walk(user, a));
        }
        assertThat(before.get(DemoPractices.FIRST_PRACTICE_USER).get("GET /api/denials")).contains("PA" + tag);

        long practiceBId = TestPractices.of(jdbc, DemoPractices.PSYCHIATRIC_GROUP);
        Ids b = ingest(practiceB.pcn(), practiceB.patient(), practiceB.dollars(), DemoPractices.PSYCHIATRIC_GROUP.npi(),
                payer + "-B");
        // practice B's authorization for the same member, running out (a prevention task), and a recoupment
        long authorizationB = authorize("AUB" + tag, practiceBId, today.plusDays(5));
        long recoupmentB = recoupment(DemoPractices.PSYCHIATRIC_GROUP.npi(), payer + "-BR");
        morningWatch();
        String preventionTask = preventionTaskOf(authorizationB);
        b = b.with("authorizations", authorizationB).with("recoupments", recoupmentB);
        // the test's own data is seen where it may be: biller works every practice
        assertThat(WebClient.anonymous(port).withBasic("biller").get("/api/denials/" + b.denial()).body())
                .contains(practiceB.pcn());

        List<String> leaks = new ArrayList<>();
        for (String user : users) {
            Map<String, String> after = walk(user, a);
            assertThat(after.keySet()).as("what %s walked", user).isEqualTo(before.get(user).keySet());
            for (var page : after.entrySet()) {
                String was = before.get(user).get(page.getKey());
                if (!page.getValue().equals(was)) {
                    leaks.add(user + ": " + page.getKey() + " changed when practice B's denial arrived: "
                            + firstDifference(was, page.getValue()));
                }
            }
            for (var answer : withIdsOf(user, b).entrySet()) {
                for (String mark : practiceB.all()) {
                    if (answer.getValue().contains(mark)) {
                        leaks.add(user + ": " + answer.getKey() + " shows " + mark);
                    }
                }
            }
        }
        assertThat(leaks).as("what a user of practice A saw of practice B").isEmpty();
        // and asked by id, practice B's authorization, recoupment and prevention task are refused
        for (String user : users) {
            WebClient api = WebClient.anonymous(port).withBasic(user);
            assertThat(api.get("/api/authorizations/" + authorizationB).statusCode()).as(user).isEqualTo(403);
            assertThat(api.get("/api/recoupments/" + recoupmentB).statusCode()).as(user).isIn(403, 404);
            assertThat(api.get("/api/tasks/" + preventionTask).statusCode()).as(user).isEqualTo(403);
            assertThat(WebClient.anonymous(port).as(user).get("/authorizations/" + authorizationB).statusCode())
                    .as(user).isEqualTo(403);
        }
        WebClient billerA = WebClient.anonymous(port).withBasic(DemoPractices.FIRST_PRACTICE_USER);
        assertThat(billerA.post("/api/tasks/" + preventionTask + "/claim", Map.of()).statusCode()).isEqualTo(403);
        assertThat(WebClient.anonymous(port).withBasic("biller").get("/api/tasks/" + preventionTask).statusCode())
                .as("biller works practice B").isEqualTo(200);
        assertThat(WebClient.anonymous(port).withBasic("biller").get("/api/recoupments/" + recoupmentB).statusCode())
                .as("biller works practice B").isEqualTo(200);
        assertThat(before.get(DemoPractices.FIRST_PRACTICE_USER).keySet()).as("pages walked")
                .contains("PAGE /queues/" + WorkQueue.APPEALS, "PAGE /denials/" + a.denial());
    }

    private static String firstDifference(String was, String is) {
        int i = 0;
        while (i < was.length() && i < is.length() && was.charAt(i) == is.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "was ..." + was.substring(from, Math.min(was.length(), i + 80)) + "... is ..."
                + is.substring(from, Math.min(is.length(), i + 80)) + "...";
    }

    @Test
    void aBillerOfPracticeACannotClaimOrCompleteATaskOfPracticeB() {
        // CARC 4 (procedure and modifier): a coding task, a queue biller-a works
        Ids b = ingest("PC" + tag, "CLAIMZ" + tag, "310.00", DemoPractices.SUD_PROGRAM.npi(), payer + "-C", "4");
        assertThat(jdbc.queryForObject("select queue from denial where id = ?", String.class, b.denial()))
                .isEqualTo(WorkQueue.CODING);
        WebClient billerA = WebClient.anonymous(port).withBasic(DemoPractices.FIRST_PRACTICE_USER);

        var refused = billerA.post("/api/tasks/" + b.task() + "/claim", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("practice");
        var asBillerA = new org.overturn.security.CurrentUser(DemoPractices.FIRST_PRACTICE_USER, Set.of(Roles.BILLER),
                Set.copyOf(WorkQueue.ALL));
        assertThatThrownBy(() -> taskWork.complete(b.task(), Map.of(), asBillerA))
                .isInstanceOfSatisfying(TaskProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(TaskProblem.Kind.FORBIDDEN));
        assertThat(jdbc.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, b.task()))
                .isNull();
        var byBiller = WebClient.anonymous(port).withBasic("biller").post("/api/tasks/" + b.task() + "/claim", Map.of());
        assertThat(byBiller.statusCode()).as(byBiller.body()).isLessThan(300);
    }

    /** Every GET of the API without path ids, those with practice A's ids, and every page reachable from home. */
    private Map<String, String> walk(String user, Ids a) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        WebClient api = WebClient.anonymous(port).withBasic(user);
        for (String path : apiPaths()) {
            HttpResponse<byte[]> answer = api.getBytes(fill(path, a));
            seen.put("GET " + path, normalised(answer.statusCode(), text(answer.body())));
        }
        WebClient browser = WebClient.anonymous(port).as(user);
        Set<String> pages = new LinkedHashSet<>(List.of("/", "/denials", "/dashboard", "/outbox", "/parity",
                "/authorizations", "/payers", "/denials/" + a.denial(), "/remittances/" + a.remittance(),
                "/denials?payer=" + payer, "/queues/" + WorkQueue.APPEALS + "?sort=practice&payer=" + payer,
                "/dashboard?payer=" + payer, "/exports/denials.xlsx", "/dashboard/export.xlsx"));
        List<String> queue = new ArrayList<>(pages);
        for (int i = 0; i < queue.size() && i < 120; i++) {
            String page = queue.get(i);
            if (page.contains(".xlsx") || page.contains(".pdf")) {
                HttpResponse<byte[]> file = browser.getBytes(page);
                seen.put("PAGE " + page, normalised(file.statusCode(), text(file.body())));
                continue;
            }
            HttpResponse<String> answer = browser.get(page);
            seen.put("PAGE " + page, normalised(answer));
            if (answer.statusCode() == 200) {
                Matcher link = HREF.matcher(answer.body());
                while (link.find()) {
                    String href = link.group(1).replace("&amp;", "&");
                    if (!href.startsWith("/css") && !href.startsWith("/js") && !href.startsWith("/camunda")
                            && !href.startsWith("/engine-rest") && !href.startsWith("/logout")
                            && !href.contains("page=") && pages.add(href)) {
                        queue.add(href);
                    }
                }
            }
        }
        return seen;
    }

    /** The API and pages with path ids of practice B's records: each answer, by what was asked. */
    private Map<String, String> withIdsOf(String user, Ids b) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        WebClient api = WebClient.anonymous(port).withBasic(user);
        for (String path : apiPaths()) {
            if (path.contains("{")) {
                String filled = fill(path, b);
                HttpResponse<byte[]> answer = api.getBytes(filled);
                answers.put("GET " + filled + " " + answer.statusCode(), text(answer.body()));
            }
        }
        WebClient browser = WebClient.anonymous(port).as(user);
        for (String page : List.of("/denials/" + b.denial(), "/remittances/" + b.remittance(),
                "/denials?payer=" + payer, "/queues/" + WorkQueue.CODING, "/queues/" + WorkQueue.MANAGERS,
                "/exports/denials.xlsx?payer=" + payer, "/exports/queues/" + WorkQueue.CODING + ".xlsx",
                "/dashboard?payer=" + payer, "/dashboard/export.xlsx?payer=" + payer)) {
            HttpResponse<byte[]> answer = browser.getBytes(page);
            answers.put("PAGE " + page + " " + answer.statusCode(), text(answer.body()));
        }
        return answers;
    }

    /** Each GET path of the API, with its required query parameters filled ({@code memberId}: the test's member). */
    private List<String> apiPaths() throws Exception {
        JsonNode doc = json.readTree(WebClient.anonymous(port).as("admin").get("/v3/api-docs").body());
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(path -> {
            JsonNode get = doc.get("paths").get(path).get("get");
            if (path.startsWith("/api/") && get != null) {
                StringBuilder query = new StringBuilder();
                for (JsonNode parameter : get.path("parameters")) {
                    if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                        query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asText()).append('=')
                                .append(parameter.get("name").asText().equals("memberId") ? member : payer);
                    }
                }
                paths.add(path + query);
            }
        });
        assertThat(paths).as("the API's GET endpoints").contains("/api/denials", "/api/remittances", "/api/queues",
                "/api/denials/{id}", "/api/tasks/{id}");
        return paths;
    }

    /**
     * The path with its ids filled from the records: the segment before a variable says which record it names; a
     * variable that names no record of ours (a queue, a code list) gets a value that exists for everybody.
     */
    private String fill(String path, Ids ids) {
        Matcher variable = PATH_VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String before = path.substring(0, variable.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String name = variable.group(1);
            String value = switch (segment) {
                case "denials" -> String.valueOf(ids.denial());
                case "remittances" -> String.valueOf(ids.remittance());
                case "tasks" -> ids.task();
                case "claims", "claim-payments" -> String.valueOf(ids.claimPayment());
                case "queues" -> WorkQueue.CODING;
                case "payers" -> payer;
                case "reason-codes" -> "carc";
                default -> ids.more().containsKey(segment) ? ids.more().get(segment)
                        : name.equals("code") ? "50" : String.valueOf(ids.denial());
            };
            variable.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    /** An answer as compared: its status and body without what changes on every request. */
    private static String normalised(HttpResponse<String> answer) {
        return normalised(answer.statusCode(), answer.body());
    }

    private static String normalised(int status, String body) {
        return status + " " + body
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
                .replaceAll("<meta name=\"csrf-token\" content=\"[^\"]+\"", "")
                .replaceAll("nonce=\"[^\"]+\"", "");
    }

    /**
     * Text of an answer; of a workbook, every cell of every sheet as shown (with and without formatting); of a PDF,
     * its text.
     */
    private static String text(byte[] body) throws Exception {
        // a PDF's bytes differ on every rendering (its /ID): its text is what it shows
        if (body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            try (var document = org.apache.pdfbox.Loader.loadPDF(body)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            }
        }
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            StringBuilder all = new StringBuilder();
            var shown = new org.apache.poi.ss.usermodel.DataFormatter();
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(body))) {
                for (var sheet : workbook) {
                    all.append("== ").append(sheet.getSheetName()).append('\n');
                    for (var row : sheet) {
                        for (var cell : row) {
                            all.append(shown.formatCellValue(cell)).append(" | ").append(cell).append('\t');
                        }
                        all.append('\n');
                    }
                }
            }
            return all.toString();
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.overturn.part2.Part2Programs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The access gate on every path: records scoped to the queues a denial is or was in, Part 2 records closed to users
 * without Part 2 access wherever they show (tasks, filters, remittances, parity cases, the outbox), raw files for
 * admins only, uploads for billers and admins, and every refusal a 403 in the audit log.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessGateIT {

    static final String PAYER = "GATE-MCD";
    /** A valid NPI (Luhn) no other test renders claims with. */
    static final String LINE_PROGRAM = "1987654377";

    @Autowired
    RemittanceIntake intake;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Part2Programs programs;
    @LocalServerPort
    int port;

    long sudDenial;
    long codingDenial;
    long lineProgramDenial;
    long remittanceId;

    @BeforeAll
    void ingest() {
        programs.flag(LINE_PROGRAM, "Gate Line Program", "admin");
        // claim 1: substance-use IOP (H0015) denied for authorization, and it does not balance (CAS 400 of 420)
        // claim 2: psychotherapy denied as a coding error
        // claim 3: psychotherapy whose line names a Part 2 program as its rendering provider (REF*HPI)
        var remittance = KnownRemittance.from(PAYER, "GATE MEDICAID", "GATE-TRACE-1", "20260105", "0")
                .claim("CLP*GATE-SUD-1*4*420*0*0*MC*ICN-G1", "NM1*QC*1*RIVERA*MARISOL****MI*MCD123456",
                        "SVC*HC:H0015:HF*420*0**1", "DTM*472*20251220", "CAS*CO*197*400", "LQ*HE*N54")
                .claim("CLP*GATE-COD-1*4*150*0*0*MC*ICN-G2", "NM1*QC*1*DOE*JOHN****MI*MCD654321",
                        "SVC*HC:90837*150*0**1", "DTM*472*20251220", "CAS*CO*11*150")
                .claim("CLP*GATE-HPI-1*4*150*0*0*MC*ICN-G3", "NM1*QC*1*ROE*RITA****MI*MCD777777",
                        "SVC*HC:90834*150*0**1", "DTM*472*20251220", "CAS*CO*197*150", "REF*HPI*" + LINE_PROGRAM);
        IntakeResult result = intake.ingest("gate.835", remittance.bytes(), "UPLOAD", "test");
        assertThat(result.denials()).isEqualTo(3);
        remittanceId = result.remittances().get(0).remittanceId();
        sudDenial = denialOf("GATE-SUD-1");
        codingDenial = denialOf("GATE-COD-1");
        lineProgramDenial = denialOf("GATE-HPI-1");
        KnownRemittance.awaitTasks(jdbc, PAYER, 3);
    }

    // --- Part 2 ---------------------------------------------------------------------------------------------

    @Test
    void everyFactOfTheClaimMakesItPart2OnceAndForAll() {
        assertThat(jdbc.queryForList("select cp.patient_control_number from claim_payment cp"
                + " where cp.remittance_id = ? and cp.part2 order by cp.position", String.class, remittanceId))
                .containsExactly("GATE-SUD-1", "GATE-HPI-1");
        assertThat(jdbc.queryForObject("select part2 from denial where id = ?", Boolean.class, lineProgramDenial))
                .isTrue();
    }

    @Test
    void aBillerWithoutPart2AccessCanNeitherClaimNorCompleteNorReadTheFormOfAPart2Task() {
        String task = taskOf(sudDenial);

        assertThat(as("biller").postForEntity("/api/tasks/" + task + "/claim", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("biller").postForEntity("/api/tasks/" + task + "/complete", Map.of(), JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("biller").getForEntity("/api/tasks/" + task + "/form", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, task)).isNull();
        // the same task for a biller with Part 2 access
        assertThat(as("sud-biller").postForEntity("/api/tasks/" + task + "/claim", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(as("sud-biller").postForEntity("/api/tasks/" + task + "/unclaim", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void aFilterOnWhatDenialsSayNeverMatchesAHiddenPart2Record() {
        assertThat(ids("biller", "/api/denials?payer=" + PAYER)).contains(codingDenial)
                .doesNotContain(sudDenial, lineProgramDenial);
        assertThat(ids("biller", "/api/denials?rootCause=AUTHORIZATION&size=500")).doesNotContain(sudDenial);
        assertThat(ids("biller", "/api/denials?kind=FULL&size=500")).doesNotContain(sudDenial);
        assertThat(ids("sud-biller", "/api/denials?payer=" + PAYER)).contains(sudDenial, codingDenial,
                lineProgramDenial);
        // unfiltered, the record is listed as money and dates only
        JsonNode row = row("biller", "/api/denials?queue=authorizations&from=2026-01-05&to=2026-01-05&size=500",
                sudDenial);
        assertThat(row).isNotNull();
        assertThat(row.get("patientControlNumber").isNull()).isTrue();
        assertThat(row.get("rootCause").isNull()).isTrue();
        assertThat(row.get("kind").isNull()).isTrue();
    }

    @Test
    void theRemittanceHidesPart2ClaimsAndTheBalanceProblemsThatNameThem() {
        JsonNode remittance = as("biller").getForObject("/api/remittances/" + remittanceId, JsonNode.class);
        JsonNode full = as("sud-biller").getForObject("/api/remittances/" + remittanceId, JsonNode.class);

        assertThat(full.get("balanceProblems").toString()).contains("GATE-SUD-1");
        assertThat(remittance.get("balanceProblems").toString()).doesNotContain("GATE-SUD-1").doesNotContain("H0015")
                .contains("42 CFR Part 2");
        assertThat(remittance.at("/claims/0/patientName").asText()).contains("Restricted");
        // a line rendered by a Part 2 program makes the whole claim Part 2 in the remittance too
        assertThat(remittance.at("/claims/2/patientName").asText()).contains("Restricted");
        assertThat(remittance.at("/claims/2/lines")).isEmpty();
        assertThat(remittance.at("/claims/1/patientName").asText()).isEqualTo("DOE, JOHN");
    }

    @Test
    void aPart2ParityCaseIsRedactedForManagersWithoutPart2AndClosedToTheirPosts() {
        jdbc.update("""
                insert into parity_case (denial_id, payer_id, regime, limitation, risk, status, opened_at)
                values (?, ?, 'MEDICAID_MANAGED_CARE', 'PRIOR_AUTHORIZATION', 'LIKELY', 'REQUEST_SENT', ?)
                """, sudDenial, PAYER, Timestamp.from(Instant.now()));

        JsonNode redacted = caseOf("manager", sudDenial);
        JsonNode full = caseOf("admin", sudDenial);

        assertThat(redacted.get("payerId").isNull()).isTrue();
        assertThat(redacted.get("limitation").isNull()).isTrue();
        assertThat(full.get("payerId").asText()).isEqualTo(PAYER);
        assertThat(as("manager").postForEntity("/api/denials/" + sudDenial + "/parity/analysis-received",
                Map.of("summary", "the plan's analysis"), JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("manager").getForEntity("/api/denials/" + sudDenial + "/parity", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        // the parity page shows it without its payer either
        String page = signedIn("manager").get("/parity?open=false").body();
        assertThat(page).contains("#" + sudDenial).doesNotContain(PAYER);
    }

    @Test
    void theOutboxShowsNeitherRecipientNorSubjectOfAPart2Disclosure() {
        Long letter = jdbc.queryForObject("insert into letter (denial_id, kind, appeal_level, created_at)"
                + " values (?, 'APPEAL', 1, now()) returning id", Long.class, sudDenial);
        Long version = jdbc.queryForObject("""
                insert into letter_version (letter_id, version, template, html, pdf, sha256, pages, rendered_at)
                values (?, 1, 'authorization.ftlh', '<p/>', '\\x25504446'::bytea, 'abc', 1, now()) returning id
                """, Long.class, letter);
        jdbc.update("""
                insert into letter_delivery (letter_version_id, denial_id, to_address, subject, message_id,
                                             attachments, sent_at)
                values (?, ?, 'appeals@gate-medicaid.example', 'Appeal GATE-SUD-1', '<gate-1@overturn>', 1, now())
                """, version, sudDenial);

        String forManager = signedIn("manager").get("/outbox").body();
        String forAdmin = signedIn("admin").get("/outbox").body();

        assertThat(forAdmin).contains("appeals@gate-medicaid.example");
        assertThat(forManager).doesNotContain("appeals@gate-medicaid.example").doesNotContain("GATE-SUD-1")
                .contains("42 CFR Part 2");
        assertThat(signedIn("manager").getBytes("/letters/" + version + ".pdf").statusCode()).isEqualTo(403);
        assertThat(signedIn("admin").getBytes("/letters/" + version + ".pdf").statusCode()).isEqualTo(200);
    }

    // --- records scoped to the user's queues ---------------------------------------------------------------

    @Test
    void aUserOutsideEveryQueueADenialIsOrWasInCannotReadItAndTheRefusalIsAudited() {
        long before = refusals("parity");

        assertThat(as("parity").getForEntity("/api/denials/" + codingDenial, JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("parity").getForEntity("/api/denials/" + codingDenial + "/letters", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("parity").getForEntity("/api/denials/" + codingDenial + "/attachments", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(ids("parity", "/api/denials?size=500")).doesNotContain(codingDenial, sudDenial);
        assertThat(signedIn("parity").get("/denials/" + codingDenial).statusCode()).isEqualTo(403);

        assertThat(refusals("parity")).isGreaterThanOrEqualTo(before + 4);
        assertThat(jdbc.queryForList("select record_id from audit_event where actor = 'parity'"
                + " and action = 'ACCESS_REFUSED' and record_type = 'denial'", String.class))
                .contains(String.valueOf(codingDenial));
    }

    @Test
    void aDenialStaysReadableToTheQueuesItPassedThrough() {
        // as if one of its tasks had been offered to the parity queue: its specialists may open it from then on
        jdbc.update("insert into denial_queue_visit (denial_id, queue) values (?, 'parity') on conflict do nothing",
                codingDenial);

        assertThat(as("parity").getForEntity("/api/denials/" + codingDenial, JsonNode.class).getStatusCode().value())
                .isEqualTo(200);
        jdbc.update("delete from denial_queue_visit where denial_id = ? and queue = 'parity'", codingDenial);
    }

    @Test
    void everyNewTaskRecordsTheQueueItWasOfferedTo() {
        assertThat(jdbc.queryForList("select queue from denial_queue_visit where denial_id = ?", String.class,
                codingDenial)).contains("coding");
        assertThat(jdbc.queryForList("select queue from denial_queue_visit where denial_id = ?", String.class,
                sudDenial)).contains("authorizations");
    }

    @Test
    void rawQuarantinedFilesAreForAdminsAndUploadsForBillersAndAdmins() {
        IntakeResult rejected = intake.ingest("broken-gate.835", "ISA*broken".getBytes(), "UPLOAD", "test");
        long quarantined = jdbc.queryForObject("select max(id) from quarantined_file", Long.class);
        assertThat(rejected.outcome()).isEqualTo(IntakeResult.Outcome.REJECTED);

        assertThat(as("biller").getForEntity("/api/quarantine/" + quarantined + "/content", byte[].class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("manager").getForEntity("/api/quarantine/" + quarantined + "/content", byte[].class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("admin").getForEntity("/api/quarantine/" + quarantined + "/content", byte[].class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(as("parity").getForEntity("/api/quarantine", JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("parity").getForEntity("/api/remittances/" + remittanceId, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);

        assertThat(upload("manager").getStatusCode().value()).isEqualTo(403);
        assertThat(upload("parity").getStatusCode().value()).isEqualTo(403);
        assertThat(upload("biller").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void lookingAtTheDenialSearchAndTheParityCasesIsAudited() {
        as("admin").getForObject("/api/parity/cases", JsonNode.class);
        signedIn("manager").get("/denials?payer=" + PAYER);
        signedIn("manager").get("/parity");

        assertThat(jdbc.queryForList("select actor || ' ' || record_type from audit_event where action = 'VIEW'"
                + " and record_type in ('parity-cases', 'denial-search')", String.class))
                .contains("admin parity-cases", "manager denial-search", "manager parity-cases");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private ResponseEntity<JsonNode> upload(String user) {
        var body = new LinkedMultiValueMap<String, Object>();
        byte[] content = KnownRemittance.from(PAYER, "GATE MEDICAID", "GATE-UPLOAD-" + user, "20260106", "0")
                .claim("CLP*GATE-UP-" + user + "*1*100*100*0*MC*ICN-U", "SVC*HC:90834*100*100**1").bytes();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "gate-" + user + ".835";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/remittances", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long denialOf(String pcn) {
        return jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = ?",
                Long.class, PAYER, pcn);
    }

    private String taskOf(long denialId) {
        return jdbc.queryForObject("""
                select t.id_ from act_ru_task t join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                 where dp.denial_id = ? and dp.kind = 'LIFECYCLE'
                """, String.class, denialId);
    }

    private long refusals(String actor) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = 'ACCESS_REFUSED'",
                Long.class, actor);
    }

    private JsonNode caseOf(String user, long denialId) {
        for (JsonNode c : as(user).getForObject("/api/parity/cases", JsonNode.class)) {
            if (c.get("denialId").asLong() == denialId) {
                return c;
            }
        }
        throw new AssertionError("no case of denial " + denialId + " for " + user);
    }

    private List<Long> ids(String user, String path) {
        List<Long> ids = new ArrayList<>();
        as(user).getForObject(path, JsonNode.class).get("content").forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
    }

    private JsonNode row(String user, String path, long id) {
        for (JsonNode d : as(user).getForObject(path, JsonNode.class).get("content")) {
            if (d.get("id").asLong() == id) {
                return d;
            }
        }
        return null;
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** A browser's session, signed in through the login form. */
    private WebClient signedIn(String user) {
        return WebClient.anonymous(port).as(user);
    }
}

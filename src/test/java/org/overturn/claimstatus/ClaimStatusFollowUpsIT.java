package org.overturn.claimstatus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.FileIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A claim the payer accepted (277CA) that no 835 answered within the days allowed gets, once, a 276 claim status
 * request in the outbox and a follow-up task in the eligibility queue; an answered claim and one sent too recently
 * do not. The task records the payer's status of the claim.
 */
@OverturnIntegrationTest
class ClaimStatusFollowUpsIT {

    private static final DateTimeFormatter X12 = DateTimeFormatter.BASIC_ISO_DATE;

    @Autowired
    FileIntake intake;
    @Autowired
    ClaimStatusFollowUps followUps;
    @Autowired
    ClaimStatusProperties properties;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String payer = "CS" + run;
    final UnansweredClaimFiles files = new UnansweredClaimFiles(run, payer);

    @Test
    void anAcceptedClaimWithoutAnAnswerGetsA276AndAFollowUpTaskOnce() throws Exception {
        LocalDate old = LocalDate.now().minusDays(properties.daysWithoutAnswer() + 5);
        LocalDate recent = LocalDate.now().minusDays(3);
        String silent = "NA" + run;
        String answered = "AN" + run;
        String fresh = "FR" + run;
        for (String[] c : new String[][] {{silent, old.toString()}, {answered, old.toString()},
                {fresh, recent.toString()}}) {
            LocalDate sent = LocalDate.parse(c[1]);
            intake.ingest(c[0] + ".837", files.claim(c[0], sent), "UPLOAD", "test");
            intake.ingest(c[0] + ".277", files.accepted(c[0], sent.plusDays(1)), "UPLOAD", "test");
        }
        intake.ingest(answered + ".835", KnownRemittance.from(payer, "QUIET HEALTH PLAN", "T" + answered,
                        X12.format(old.plusDays(20)), "150")
                .claim("CLP*" + answered + "*1*150*150**12*ICN" + answered, "SVC*HC:90837*150*150**1",
                        "DTM*472*" + X12.format(old.minusDays(1)))
                .bytes(), "UPLOAD", "test");

        List<ClaimStatusFollowUps.FollowUp> opened = followUps.sweep().stream()
                .filter(f -> f.patientControlNumber().endsWith(run)).toList();

        assertThat(opened).extracting(ClaimStatusFollowUps.FollowUp::patientControlNumber).containsExactly(silent);
        ClaimStatusFollowUps.FollowUp followUp = opened.get(0);
        assertThat(followUp.status()).isEqualTo("OPEN");
        String x12 = Files.readString(Path.of(followUp.outboxPath()), StandardCharsets.US_ASCII);
        List<String> segments = Arrays.stream(x12.split("~\\R?")).filter(s -> !s.isBlank()).toList();
        assertThat(segments).contains("GS*HR*OVERTURN*CLEARINGHOUSE*" + segments.get(1).split("\\*")[4] + "*"
                        + segments.get(1).split("\\*")[5] + "*" + Integer.parseInt(segments.get(0).split("\\*")[13])
                        + "*X*005010X212",
                "ST*276*0001*005010X212", "HL*1**20*1", "NM1*PR*2*QUIET HEALTH PLAN*****PI*" + payer,
                "HL*3*2*19*1", "NM1*1P*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893", "HL*4*3*22*0",
                "DMG*D8*19840312*F", "NM1*IL*1*TESTPATIENT*JORDAN****MI*M" + run,
                "TRN*1*" + followUp.trace(), "REF*1K*PAYER-" + silent, "REF*EJ*" + silent, "AMT*T3*150.00",
                "DTP*472*RD8*" + X12.format(old.minusDays(1)) + "-" + X12.format(old.minusDays(1)));
        int st = segments.indexOf("ST*276*0001*005010X212");
        String se = segments.stream().filter(s -> s.startsWith("SE*")).findFirst().orElseThrow();
        assertThat(se).as("SE01 counts ST through SE").isEqualTo("SE*" + (segments.indexOf(se) - st + 1) + "*0001");

        var task = tasks.createTaskQuery().processInstanceBusinessKey("claim-status:" + followUp.id()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ClaimStatusFollowUps.TASK);
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("eligibility"));
        assertThat(followUps.sweep()).as("one follow-up per claim")
                .noneMatch(f -> f.patientControlNumber().endsWith(run));

        tasks.complete(task.getId(), Map.of("claimStatus", "PENDING", "claimStatusNote", "277: STC P1:20 in process"));
        assertThat(followUps.find(followUp.id()).orElseThrow()).satisfies(f -> {
            assertThat(f.status()).isEqualTo("PENDING");
            assertThat(f.outcomeNote()).isEqualTo("277: STC P1:20 in process");
        });
    }

    @Test
    void a277AnsweringThe276ThroughTheUploadDoorClosesItsFollowUpOnce() throws Exception {
        ClaimStatusFollowUps.FollowUp followUp = followUpOf("UP" + run);
        assertThat(jdbc.queryForObject("select id from claim_status_request where trace = ?", Long.class,
                followUp.trace())).as("the 276's interchange number is its request's id")
                .isEqualTo(Long.parseLong(Files.readString(Path.of(followUp.outboxPath())).split("\\*")[13]));
        byte[] answer = StatusAnswers.to(Files.readAllBytes(Path.of(followUp.outboxPath())))
                .with("F1:65", "120.00", LocalDate.now());

        ResponseEntity<JsonNode> stored = upload("status-" + run + ".277", answer);

        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        JsonNode body = stored.getBody();
        assertThat(body.get("outcome").asText()).isEqualTo("STORED");
        assertThat(body.get("kind").asText()).isEqualTo("277");
        assertThat(body.at("/claimStatus/statuses").asInt()).isEqualTo(1);
        assertThat(body.at("/claimStatus/matched").asInt()).isEqualTo(1);
        assertThat(body.at("/claimStatus/matchedByTrace").asInt()).isEqualTo(1);
        assertThat(body.at("/claimStatus/acted").asInt()).isEqualTo(1);
        assertThat(body.at("/claimStatus/unmatched")).isEmpty();
        assertThat(followUps.find(followUp.id()).orElseThrow()).satisfies(f -> {
            assertThat(f.status()).isEqualTo("PAID");
            assertThat(f.decidedBy()).isEqualTo(ClaimStatusFollowUps.ANSWER);
            assertThat(f.outcomeNote()).startsWith("277: STC F1:65 of ").endsWith(", paid 120.00");
        });
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("claim-status:" + followUp.id()).count())
                .as("the follow-up task ended by itself").isZero();

        JsonNode again = upload("status-" + run + "-again.277", answer).getBody();
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("kind").asText()).isEqualTo("277");
        assertThat(jdbc.queryForObject("select count(*) from claim_status_answer where inquiry_id = ?", Long.class,
                followUp.id())).as("nothing twice").isEqualTo(1);

        String broken = new String(answer, StandardCharsets.US_ASCII).replaceAll("STC\\*[^~]*~\\R?", "")
                .replaceFirst("SE\\*\\d+", "SE*12");
        ResponseEntity<JsonNode> refused = upload("broken-" + run + ".277", broken.getBytes(StandardCharsets.US_ASCII));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(refused.getBody().get("kind").asText()).isEqualTo("277");
        assertThat(refused.getBody().get("error").asText())
                .matches("broken-" + run + "\\.277: segment \\d+ \\([A-Z]+\\): the claim whose TRN\\*2 is segment \\d+ has no "
                        + "claim-level STC .*");
        assertThat(jdbc.queryForObject("select count(*) from quarantined_file where file_name = ?", Long.class,
                "broken-" + run + ".277")).isEqualTo(1);
    }

    @Test
    void aStatusWithoutItsTraceFindsItsClaimAndOneForNoClaimOnFileIsListedNotDropped() throws Exception {
        ClaimStatusFollowUps.FollowUp followUp = followUpOf("NT" + run);
        byte[] x276 = Files.readAllBytes(Path.of(followUp.outboxPath()));

        JsonNode byClaim = upload("not-found-" + run + ".277", StatusAnswers.to(x276).trace("PAYER" + run)
                .with("A4:35", "0", LocalDate.now())).getBody();
        JsonNode nobody = upload("unknown-" + run + ".277", StatusAnswers.to(x276).trace("ELSE" + run)
                .patientControlNumber("NOBODY" + run).with("F1:65", "150.00", LocalDate.now())).getBody();

        assertThat(byClaim.at("/claimStatus/matchedByClaim").asInt()).isEqualTo(1);
        assertThat(byClaim.at("/claimStatus/acted").asInt()).isEqualTo(1);
        assertThat(followUps.find(followUp.id()).orElseThrow().status()).isEqualTo("NOT_ON_FILE");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("claim-status:" + followUp.id()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_ResubmitClaim");
        assertThat(nobody.at("/claimStatus/matched").asInt()).isZero();
        assertThat(nobody.at("/claimStatus/unmatched/0/trace").asText()).isEqualTo("ELSE" + run);
        assertThat(nobody.at("/claimStatus/unmatched/0/category").asText()).isEqualTo("F1");
        assertThat(nobody.at("/claimStatus/unmatched/0/segment").asInt()).isEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from claim_status_answer where trace = ? and matched_by is null "
                + "and inquiry_id is null and not acted", Long.class, "ELSE" + run)).as("kept").isEqualTo(1);
    }

    @Test
    void thePayerDirectorysDaysDecideWhenAClaimIsFollowedUp() {
        var manager = anonymous.withBasicAuth("manager", "demo");
        var payerEntry = new java.util.HashMap<String, Object>(Map.of("name", "QUIET HEALTH PLAN", "planType",
                "COMMERCIAL", "claimStatusDays", 10));
        assertThat(manager.exchange("/api/payers/" + payer, HttpMethod.PUT, new HttpEntity<>(payerEntry),
                JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
        LocalDate sent = LocalDate.now().minusDays(12);
        intake.ingest("D" + run + ".837", files.claim("D" + run, sent), "UPLOAD", "test");
        intake.ingest("D" + run + ".277", files.accepted("D" + run, sent.plusDays(1)), "UPLOAD", "test");

        assertThat(followUps.daysFor(payer)).isEqualTo(10);
        assertThat(followUps.daysFor("NOT-IN-DIRECTORY-" + run)).isEqualTo(properties.daysWithoutAnswer());
        assertThat(followUps.sweep()).extracting(ClaimStatusFollowUps.FollowUp::patientControlNumber)
                .as("12 days without an answer: past this payer's 10, short of the default 30")
                .contains("D" + run);
    }

    /** A claim sent 40 days ago, accepted, unanswered, and its follow-up opened. */
    private ClaimStatusFollowUps.FollowUp followUpOf(String pcn) {
        LocalDate sent = LocalDate.now().minusDays(properties.daysWithoutAnswer() + 10);
        intake.ingest(pcn + ".837", files.claim(pcn, sent), "UPLOAD", "test");
        intake.ingest(pcn + ".277", files.accepted(pcn, sent.plusDays(1)), "UPLOAD", "test");
        return followUps.sweep().stream().filter(f -> f.patientControlNumber().equals(pcn)).findFirst()
                .orElseThrow();
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return anonymous.withBasicAuth("admin", "demo").postForEntity("/api/remittances",
                new HttpEntity<>(parts, headers), JsonNode.class);
    }
}

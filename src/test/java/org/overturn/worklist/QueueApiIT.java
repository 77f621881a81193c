package org.overturn.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * End to end with the job executor running: a real 835 goes in, its denials' tasks appear in the right
 * queues, and the task API enforces who may see, claim and complete them.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueApiIT {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    RemittanceIntake intake;

    final List<Long> ourDenials = new ArrayList<>();

    @BeforeAll
    void ingestRealRemittance() {
        // NY Medicaid: claim 2 denied whole for timely filing (CO-29), claim 3 partly for missing documentation (CO-251)
        IntakeResult ingested = intake.ingest("queue-api.835", Samples.retraced("tastypackets__profee.835", "-Q1"),
                "UPLOAD", "biller");
        assertThat(ingested.denials()).isEqualTo(2);
        // other tests in this database ingest the same sample: tell our denials by their claim payments
        List<Long> claims = new ArrayList<>();
        as("admin").getForObject("/api/remittances/" + ingested.remittances().get(0).remittanceId(), JsonNode.class)
                .get("claims").forEach(c -> claims.add(c.get("id").asLong()));
        as("admin").getForObject("/api/denials?payer=NYSDOH&size=500", JsonNode.class).get("content")
                .forEach(d -> {
                    if (claims.contains(d.get("claimPaymentId").asLong())) {
                        ourDenials.add(d.get("id").asLong());
                    }
                });
        assertThat(ourDenials).hasSize(2);
    }

    @Test
    @Order(1)
    void denialsBecomeTasksInTheQueuesOfTheirRootCause() {
        JsonNode timely = awaitTask("biller", "appeals", "29");
        assertThat(timely.get("taskDefinitionKey").asText()).isEqualTo("Task_CheckTimelyFilingProof");
        assertThat(timely.get("name").asText()).isEqualTo("Check proof of timely filing");
        assertThat(timely.at("/denial/amountAtRisk").decimalValue()).isEqualByComparingTo("34.00");
        assertThat(timely.at("/denial/rootCause").asText()).isEqualTo("TIMELY_FILING");
        assertThat(timely.at("/denial/appealDueDate").asText()).isEqualTo("2010-04-01"); // Medicaid: 90 days
        assertThat(timely.get("due").isNull()).isFalse();

        JsonNode documentation = awaitTask("biller", "coding", "251");
        assertThat(documentation.get("taskDefinitionKey").asText()).isEqualTo("Task_CorrectClaim");
        assertThat(documentation.at("/denial/kind").asText()).isEqualTo("PARTIAL");

        JsonNode queues = as("biller").getForObject("/api/queues", JsonNode.class);
        List<String> names = new ArrayList<>();
        queues.forEach(q -> names.add(q.get("queue").asText()));
        assertThat(names).contains("coding", "appeals").doesNotContain("parity", "managers");
    }

    @Test
    @Order(3) // completes the coding task the other tests look at
    void billerClaimsValidatesAndCompletesATask() {
        JsonNode task = awaitTask("biller", "coding", "251");
        String id = task.get("taskId").asText();

        assertThat(post("biller", "/api/tasks/" + id + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("sud-biller", "/api/tasks/" + id + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        var invalid = post("biller", "/api/tasks/" + id + "/complete", Map.of("correctionOutcome", "CORRECTED"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("fields").has("whatChanged")).isTrue();
        assertThat(invalid.getBody().get("fields").has("correctionReason")).isTrue();

        var done = post("biller", "/api/tasks/" + id + "/complete", Map.of("correctionOutcome", "CORRECTED",
                "whatChanged", "Attached the operative report", "correctionReason", "Payer asked for documentation"));
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(findTask("biller", "coding", "251")).isEmpty();
        // done already: a conflict that says who did it (a task that never was is 404)
        var again = post("biller", "/api/tasks/" + id + "/complete", Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("error").asText()).isEqualTo("This task was completed already by biller");
        assertThat(post("biller", "/api/tasks/no-such-task/complete", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(2)
    void queuesAreClosedToThoseOutsideThem() {
        awaitTask("biller", "appeals", "29");
        assertThat(as("parity").getForEntity("/api/queues/appeals/tasks", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // managers see every queue but work only their own
        JsonNode seen = awaitTask("manager", "appeals", "29");
        assertThat(post("manager", "/api/tasks/" + seen.get("taskId").asText() + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        var anonymousAnswer = anonymous.getForEntity("/api/queues", JsonNode.class);
        assertThat(anonymousAnswer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymousAnswer.getBody().get("error").asText()).isNotBlank();
    }

    private JsonNode awaitTask(String user, String queue, String primaryReason) {
        return org.awaitility.Awaitility.await("a task for CARC " + primaryReason + " in " + queue)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> findTask(user, queue, primaryReason), Optional::isPresent).get();
    }

    private Optional<JsonNode> findTask(String user, String queue, String primaryReason) {
        JsonNode page = as(user).getForObject("/api/queues/" + queue + "/tasks?size=200", JsonNode.class);
        for (JsonNode item : page.get("items")) {
            if (primaryReason.equals(item.at("/denial/primaryReason").asText())
                    && ourDenials.contains(item.at("/denial/id").asLong())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }
}

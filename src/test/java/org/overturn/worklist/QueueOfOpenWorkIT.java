package org.overturn.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17: the queue a denial reports (its list, the queue filter, the dashboard's backlog) is the queue where its
 * open task waits, with the job executor running: an appealable B7 or CO-39 reports appeals, not credentialing or
 * authorizations; an exact duplicate without a paid original reports coding, where its correction waits; a denial
 * nobody can correct or appeal reports managers.
 */
@OverturnIntegrationTest
class QueueOfOpenWorkIT {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyDenialReportsTheQueueWhereItsOpenTaskWaits() {
        String payer = "QOW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        intake.ingest("queue-of-work.835", KnownRemittance.from(payer, "QUEUE OF WORK PLAN", payer + "-T", "20260302", "0")
                .claim("CLP*QW1*4*210*0**12", "CAS*CO*B7*210", "SVC*HC:90837*210*0**1", "DTM*472*20260220")
                .claim("CLP*QW2*4*150*0**12", "CAS*OA*18*150", "SVC*HC:90834*150*0**1", "DTM*472*20260221")
                .claim("CLP*QW3*4*90*0**12", "CAS*CO*202*90", "SVC*HC:90832*90*0**1", "DTM*472*20260222")
                .claim("CLP*QW4*4*300*0**12", "CAS*CO*39*300", "SVC*HC:90791*300*0**1", "DTM*472*20260223")
                .bytes(), "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, payer, 4);
        TestRestTemplate admin = anonymous.withBasicAuth("admin", "demo");

        Map<String, String> queueByReason = new HashMap<>();
        Map<Long, String> queueById = new HashMap<>();
        admin.getForObject("/api/denials?payer=" + payer + "&size=50", JsonNode.class).get("content").forEach(d -> {
            queueByReason.put(d.get("primaryReason").asText(), d.get("queue").asText());
            queueById.put(d.get("id").asLong(), d.get("queue").asText());
        });

        assertThat(queueByReason).containsOnly(Map.entry("B7", "appeals"), Map.entry("18", "coding"),
                Map.entry("202", "managers"), Map.entry("39", "appeals"));
        queueById.forEach((id, queue) -> assertThat(openTaskQueues(admin, queue)).as("denial %s", id).containsKey(id));
        assertThat(reasons(admin, payer, "appeals")).containsExactlyInAnyOrder("B7", "39");
        assertThat(reasons(admin, payer, "credentialing")).isEmpty();
        assertThat(reasons(admin, payer, "authorizations")).isEmpty();
        assertThat(reasons(admin, payer, "managers")).containsExactly("202");

        Map<String, Long> backlog = new HashMap<>();
        admin.getForObject("/api/dashboard?payer=" + payer, JsonNode.class).at("/dashboard/backlog")
                .forEach(b -> backlog.put(b.get("queue").asText(), b.get("open").asLong()));
        assertThat(backlog).containsEntry("appeals", 2L).containsEntry("coding", 1L).containsEntry("managers", 1L)
                .containsEntry("credentialing", 0L).containsEntry("authorizations", 0L);
    }

    private static java.util.List<String> reasons(TestRestTemplate admin, String payer, String queue) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        admin.getForObject("/api/denials?payer=" + payer + "&queue=" + queue + "&size=50", JsonNode.class)
                .get("content").forEach(d -> reasons.add(d.get("primaryReason").asText()));
        return reasons;
    }

    /** The denials with an open task in the queue, by the queue's task list. */
    private static Map<Long, String> openTaskQueues(TestRestTemplate admin, String queue) {
        Map<Long, String> denials = new HashMap<>();
        admin.getForObject("/api/queues/" + queue + "/tasks?size=200", JsonNode.class).get("items")
                .forEach(t -> denials.put(t.at("/denial/id").asLong(), queue));
        return denials;
    }
}

package org.overturn.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.authorization.AuthorizationDraft;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationSource;
import org.overturn.denial.WorkQueue;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An authorization-watch task (no denial) on the authorizations queue's page: shown with what was found, counted on
 * the home page, and done from the queue page with its outcome.
 */
@OverturnIntegrationTest
class PreventionTasksInQueueIT {

    @Autowired
    AuthorizationRegister register;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final String payer = "PQ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void aBillerSeesAnAuthorizationRunningOutOnTheQueuePageAndMarksItDone() {
        LocalDate today = LocalDate.now();
        var keeper = new CurrentUser("biller", Set.of(Roles.BILLER), Set.of(WorkQueue.AUTHORIZATIONS));
        long id = register.create(new AuthorizationDraft(payer, "QUEUE PLAN", "M" + payer, null, "A" + payer,
                "OUTPATIENT", List.of("90837"), "VISITS", "12", today.minusDays(30).toString(),
                today.plusDays(4).toString(), null, null, null, "APPROVED"), org.overturn.TestPractices.first(jdbc),
                AuthorizationSource.API, keeper).id();
        var timer = management.createJobQuery().processDefinitionKey("authorization-watch").timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        management.executeJob(timer.getId());
        String task = jdbc.queryForObject("""
                select q.task_id from queue_task q join authorization_prevention p on p.id = q.prevention_id
                 where p.authorization_id = ?""", String.class, id);

        var web = WebClient.anonymous(port).as("biller");
        String page = web.get("/queues/authorizations?payer=" + payer).body();

        assertThat(page).contains("data-task=\"" + task + "\"", "before a denial", "Request extension / concurrent review",
                "authorization A" + payer + " ends in 4 days", "id=\"done-" + task + "\"");

        var done = web.post("/tasks/" + task + "/complete", Map.of("preventionOutcome", "REQUESTED"));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select outcome from authorization_prevention where authorization_id = ?",
                String.class, id)).isEqualTo("REQUESTED");
        assertThat(web.get("/queues/authorizations?payer=" + payer).body()).doesNotContain("data-task=\"" + task + "\"");
    }
}

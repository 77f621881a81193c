package org.overturn.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.denial.WorkQueue;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.overturn.workflow.DenialLifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Two billers complete (or claim) the same task at the same moment, over HTTP, with the job executor running:
 * exactly one succeeds, the other is told in a 409 who got there first, and the process moves on once.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentCompletionIT {

    private static final String PAYER = "FZ-RACE";
    /** Races per scenario: each may meet the other request at a different step. */
    private static final int RACES = 8;
    /** Tasks the single-request tests below take. */
    private static final int SINGLES = 4;
    private static final Map<String, Object> CORRECTED = Map.of("correctionOutcome", "CORRECTED",
            "whatChanged", "modifier 95 added", "correctionReason", "the session was by video");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskWork work;
    @MockitoSpyBean
    TaskForms forms;
    @MockitoSpyBean
    TaskService taskService;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<String> openTasks = new ArrayList<>();

    @BeforeAll
    void denialsWaitingForCorrection() {
        // claims denied whole for missing information (CO-16): correctable, each a "Correct claim" task in coding
        int denials = 3 * RACES + SINGLES;
        KnownRemittance remittance = KnownRemittance.from(PAYER, "RACE HEALTH PLAN", "RACE-1", "20250301", "0");
        for (int i = 0; i < denials; i++) {
            remittance.claim("CLP*RACE-" + i + "*4*150*0**12*PCC-RACE-" + i, "CAS*CO*16*150",
                    "SVC*HC:90837*150*0", "DTM*472*20250210");
        }
        IntakeResult ingested = intake.ingest("race.835", remittance.bytes(), "UPLOAD", "tester");
        assertThat(ingested.denials()).isEqualTo(denials);
        KnownRemittance.awaitTasks(jdbc, PAYER, denials);
        openTasks.addAll(jdbc.queryForList("""
                select t.id_ from act_ru_task t join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  join denial d on d.id = dp.denial_id
                 where d.payer_id = ? and t.task_def_key_ = ? order by d.id
                """, String.class, PAYER, DenialLifecycle.Tasks.CORRECT_CLAIM));
        assertThat(openTasks).hasSize(denials);
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoBillersCompletingTheSameTaskAtOnceCompleteItOnce() throws Exception {
        for (int i = 0; i < RACES; i++) {
            String task = openTasks.remove(0);

            List<ResponseEntity<JsonNode>> answers = race(
                    () -> post("biller", "/api/tasks/" + task + "/complete", CORRECTED),
                    () -> post("sud-biller", "/api/tasks/" + task + "/complete", CORRECTED));

            assertOneWonAndTheOtherWasToldWhy(answers, task);
            assertCompletedOnce(task);
        }
    }

    @Test
    void theSameBillerInTwoSessionsCompletesATaskOnce() throws Exception {
        for (int i = 0; i < RACES; i++) {
            String task = openTasks.remove(0);

            List<ResponseEntity<JsonNode>> answers = race(
                    () -> post("biller", "/api/tasks/" + task + "/complete", CORRECTED),
                    () -> post("biller", "/api/tasks/" + task + "/complete", CORRECTED));

            assertOneWonAndTheOtherWasToldWhy(answers, task);
            assertCompletedOnce(task);
        }
    }

    @Test
    void twoBillersClaimingTheSameTaskAtOnceLeaveItWithOne() throws Exception {
        for (int i = 0; i < RACES; i++) {
            String task = openTasks.remove(0);

            List<ResponseEntity<JsonNode>> answers = race(() -> post("biller", "/api/tasks/" + task + "/claim", null),
                    () -> post("admin", "/api/tasks/" + task + "/claim", null));

            assertOneWonAndTheOtherWasToldWhy(answers, task);
            String assignee = jdbc.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, task);
            assertThat(assignee).isIn("biller", "admin");
            String loser = answers.get(0).getStatusCode().value() == 409 ? "biller" : "admin";
            assertThat(assignee).isNotEqualTo(loser);
        }
    }

    @Test
    void aCompletionOvertakenBetweenItsStepsIsAConflictNotAnError() {
        // the other biller's completion commits after this request found the task open, before it claims it
        String task = openTasks.remove(0);
        CurrentUser other = new CurrentUser("sud-biller", Set.of(Roles.BILLER), Set.of(WorkQueue.CODING));
        doAnswer(call -> {
            work.complete(task, CORRECTED, other);
            return call.callRealMethod();
        }).doCallRealMethod().when(forms).validate(eq(task), any());

        var answer = post("biller", "/api/tasks/" + task + "/complete", CORRECTED);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("This task was completed already by sud-biller");
        assertCompletedOnce(task);
    }

    @Test
    void anEngineFailureBecauseTheTaskVanishedMeanwhileIsAConflict() {
        // the engine meets the other completion's commit halfway (an execution gone from under it) and fails
        // with whatever it was doing, not with an optimistic lock
        String task = openTasks.remove(0);
        CurrentUser other = new CurrentUser("sud-biller", Set.of(Roles.BILLER), Set.of(WorkQueue.CODING));
        doAnswer(call -> {
            work.complete(task, CORRECTED, other);
            throw new NullPointerException("execution of the task is null");
        }).doCallRealMethod().when(forms).validate(eq(task), any());

        var answer = post("biller", "/api/tasks/" + task + "/complete", CORRECTED);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("This task was completed already by sud-biller");
        assertCompletedOnce(task);
    }

    @Test
    void aTaskCompletedWhileItsQueueIsLookedUpIsAConflict() {
        // the engine's permission check on the task's candidate groups fails on the execution the other
        // completion just removed
        String task = openTasks.remove(0);
        CurrentUser other = new CurrentUser("sud-biller", Set.of(Roles.BILLER), Set.of(WorkQueue.CODING));
        doAnswer(call -> {
            work.complete(task, CORRECTED, other);
            throw new NullPointerException("execution is null");
        }).doCallRealMethod().when(taskService).getIdentityLinksForTask(task);

        var answer = post("biller", "/api/tasks/" + task + "/complete", CORRECTED);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().get("error").asText()).isEqualTo("This task was completed already by sud-biller");
        assertCompletedOnce(task);
    }

    @Test
    void aDeadlockWithAnotherCompletionIsAConflictToRetry() {
        String task = openTasks.remove(0);
        doThrow(new IllegalStateException("flush failed", new SQLException("deadlock detected", "40P01")))
                .doCallRealMethod().when(forms).validate(eq(task), any());

        var answer = post("biller", "/api/tasks/" + task + "/complete", CORRECTED);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().get("error").asText())
                .isEqualTo("Someone else changed this task a moment ago: try again");
        assertThat(post("biller", "/api/tasks/" + task + "/complete", CORRECTED).getStatusCode().value())
                .isEqualTo(204);
        assertCompletedOnce(task);
    }

    private void assertOneWonAndTheOtherWasToldWhy(List<ResponseEntity<JsonNode>> answers, String task) {
        assertThat(answers).extracting(a -> a.getStatusCode().value()).as("task %s", task)
                .containsExactlyInAnyOrder(204, 409);
        JsonNode refusal = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow()
                .getBody();
        assertThat(refusal.get("status").asInt()).isEqualTo(409);
        assertThat(refusal.get("error").asText()).matches("This task (was completed already by|is claimed by) .+");
        assertThat(refusal.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The task is done, by one user, and its process went past it exactly once. */
    private void assertCompletedOnce(String task) {
        String process = jdbc.queryForObject("select proc_inst_id_ from act_hi_taskinst where id_ = ?", String.class,
                task);
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task where id_ = ?", Long.class, task)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?",
                Long.class, process, "Task_RecordCorrectedClaim")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from corrected_claim c join denial_process dp on dp.denial_id = c.denial_id
                 where dp.process_instance_id = ?
                """, Long.class, process)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TASK_COMPLETED' "
                + "and record_type = 'task' and record_id = ?", Long.class, task)).isEqualTo(1);
    }

    /** Both requests, released together. */
    private List<ResponseEntity<JsonNode>> race(Request first, Request second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<ResponseEntity<JsonNode>> a = threads.submit(() -> {
            start.await();
            return first.send();
        });
        Future<ResponseEntity<JsonNode>> b = threads.submit(() -> {
            start.await();
            return second.send();
        });
        // only against a hang
        return List.of(a.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS),
                b.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS));
    }

    private interface Request {
        ResponseEntity<JsonNode> send();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return anonymous.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                JsonNode.class);
    }
}

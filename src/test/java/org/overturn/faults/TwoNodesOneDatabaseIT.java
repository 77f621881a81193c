package org.overturn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.demo.GeneratorSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two servers on one database, as a homogeneous Camunda cluster: both take uploads and both run the job executor.
 * One is killed ({@code kill -9}) while its job executor holds jobs; the survivor takes them over once their locks
 * lapse and finishes every job. Nothing is lost and nothing runs twice: each file once, each denial with one process
 * that passed each step once and waits in one task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOneDatabaseIT {

    static final String[] ONE_JOB_THREAD = {"--camunda.bpm.job-execution.core-pool-size=1",
            "--camunda.bpm.job-execution.max-pool-size=1"};


    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwoNodesOneDatabaseIT.class);

    /** About 500 denials per file, from the same clinic and payers; no reversals, so each denial is its own process. */
    static final GeneratorSettings FILE = GeneratorSettings.defaults().withClaimCount(2_000).withClaimsPerTransaction(500)
            .withDenialRate(0.25).withReversalRate(0);

    EmbeddedPostgres postgres;
    JdbcTemplate jdbc;
    ExactlyOnce check;
    RunningJar nodeA;
    RunningJar nodeB;
    final ExecutorService clients = Executors.newFixedThreadPool(2);

    @BeforeAll
    void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        check = new ExactlyOnce(jdbc);
    }

    @AfterAll
    void stop() throws IOException {
        clients.shutdownNow();
        for (RunningJar node : new RunningJar[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        postgres.close();
    }

    @Test
    void theSurvivorFinishesTheDeadNodesJobsAndNothingRunsTwice() throws Exception {
        byte[] first = KillDuringIngestIT.generate(FILE.withSeed(31L));
        byte[] second = KillDuringIngestIT.generate(FILE.withSeed(32L));
        byte[] third = KillDuringIngestIT.generate(FILE.withSeed(33L).withClaimCount(500));
        var facts = List.of(ExactlyOnce.FileFacts.of(first), ExactlyOnce.FileFacts.of(second),
                ExactlyOnce.FileFacts.of(third));
        // the first node creates the schema; the second joins a database that has it
        // one job thread a node: each keeps a backlog of locked jobs long enough for both to hold some at once
        // (with the default pool the nodes now finish a file's first steps within a poll or two of each other)
        nodeA = RunningJar.start("node-a", postgres, null, ONE_JOB_THREAD);
        nodeB = RunningJar.start("node-b", postgres, null, ONE_JOB_THREAD);

        // load on both: each node ingests a file through its own API at the same time
        Future<JsonNode> toA = clients.submit(() -> nodeA.upload("first.835", first));
        Future<JsonNode> toB = clients.submit(() -> nodeB.upload("second.835", second));
        assertThat(toA.get(5, TimeUnit.MINUTES).get("denials").asInt()).isEqualTo(facts.get(0).denials());
        assertThat(toB.get(5, TimeUnit.MINUTES).get("denials").asInt()).isEqualTo(facts.get(1).denials());

        RunningJar.await("both nodes' job executors holding jobs", Duration.ofMinutes(2 * 2), () -> check.count("""
                select count(distinct lock_owner_) from act_ru_job where type_ = 'message' and lock_exp_time_ > now()
                """) == 2);
        nodeB.kill();
        List<Map<String, Object>> locks = jdbc.queryForList("""
                select lock_owner_, count(*) as jobs from act_ru_job
                 where type_ = 'message' and lock_owner_ is not null group by lock_owner_
                """);
        long pending = check.pendingJobs();
        log.info(String.format("node-b killed with %d jobs to go; locks held: %s", pending, locks));
        assertThat(pending).as("jobs still to run at the kill").isPositive();

        // the survivor still takes work while it picks up what the dead node left
        assertThat(nodeA.upload("third.835", third).get("denials").asInt()).isEqualTo(facts.get(2).denials());
        check.awaitJobsDone(Duration.ofMinutes(2 * 3));

        facts.forEach(check::assertStoredOnce);
        assertThat(check.count("select count(*) from remittance_file")).as("files").isEqualTo(3);
        assertThat(check.count("select count(*) from denial")).as("denials")
                .isEqualTo(facts.stream().mapToInt(ExactlyOnce.FileFacts::denials).sum());
        check.assertEveryDenialHasOneLifecycle();
        check.assertNoStepTwice();
        check.assertEveryProcessWaitsInOneTask("denial-lifecycle");
        check.assertEveryProcessWaitsInOneTask("parity-escalation");
        check.assertNoIncidents();
        assertThat(check.count("select count(*) from act_re_procdef where key_ = 'denial-lifecycle'"))
                .as("versions of the lifecycle deployed by two nodes").isEqualTo(1);
    }
}

package org.overturn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.demo.GeneratorSettings;
import org.overturn.demo.RemittanceGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code kill -9} of the server while it ingests a large 835 from the inbox, and again while its job executor starts
 * the processes of the denials that file carried. After each restart on the same database and inbox the file is on
 * file once and whole, and every denial has exactly one lifecycle process that reached its first task: none missing,
 * none twice, no half-written file in between. The restarted server is another node (another node id): it takes
 * over the file the killed one left in its {@code .processing} folder once that node has been silent long enough.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillDuringIngestIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KillDuringIngestIT.class);

    /** 20,000 claims in 20 transaction sets, about 2,600 denials; no reversals, so each denial is its own process. */
    static final GeneratorSettings FILE = GeneratorSettings.defaults().withSeed(9_009L).withClaimCount(20_000)
            .withClaimsPerTransaction(1_000).withReversalRate(0);
    static final String NAME = "era-20000.835";

    /**
     * The inbox's parent, removed in {@link #stop} after the last node is gone. Not a JUnit {@code @TempDir}: its
     * removal once failed the test on an inbox that was not empty. The nodes are processes of their own that write
     * there (a living node's heartbeat in {@code .processing/<node>/}), so the order is made plain here.
     */
    Path dir;

    EmbeddedPostgres postgres;
    JdbcTemplate jdbc;
    ExactlyOnce check;
    RunningJar server;

    @BeforeAll
    void database() throws IOException {
        dir = Files.createTempDirectory("overturn-kill-during-ingest");
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        check = new ExactlyOnce(jdbc);
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        postgres.close();
        FileSystemUtils.deleteRecursively(dir);
    }

    @Test
    void killedMidFileAndMidJobsTheFileIsStoredOnceAndEveryDenialGetsOneProcess() throws IOException {
        byte[] content = generate(FILE);
        var facts = ExactlyOnce.FileFacts.of(content);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));

        // 1. killed in the middle of the file's one transaction: claim rows are being written
        server = RunningJar.start("ingest-1", postgres, inbox);
        drop(inbox, content);
        RunningJar.await("the file's claims being written", Duration.ofMinutes(2 * 3),
                () -> claimIdsHandedOut() >= facts.claims() / 4);
        server.kill();
        assertThat(check.count("select count(*) from remittance_file")).as("files stored before the kill").isZero();
        assertThat(check.count("select count(*) from claim_payment")).as("claims left by the kill").isZero();
        assertThat(check.count("select count(*) from denial")).as("denials left by the kill").isZero();
        assertThat(check.count("select count(*) from act_ru_execution")).as("processes left by the kill").isZero();
        assertThat(server.processing(inbox).resolve(NAME)).as("the file, left whole in the dead node's folder")
                .hasBinaryContent(content);
        assertThat(inbox.resolve(NAME)).doesNotExist();

        // 2. restarted: it takes the file again; killed while its job executor moves the new processes
        server = RunningJar.start("ingest-2", postgres, inbox);
        RunningJar.await("the file stored", Duration.ofMinutes(2 * 4),
                () -> check.count("select count(*) from remittance_file") > 0);
        long processes = check.count("select count(*) from denial_process where kind = 'LIFECYCLE'");
        assertThat(processes).as("processes started with the file").isEqualTo(facts.denials());
        RunningJar.await("a third of the processes moved", Duration.ofMinutes(2 * 2),
                () -> check.pendingJobs() <= processes * 2 / 3);
        server.kill();
        long pending = check.pendingJobs();
        long locked = check.count("select count(*) from act_ru_job where type_ = 'message' and lock_owner_ is not null");
        log.info(String.format("killed with %d of %d first steps to go, %d of them locked by the dead node", pending,
                processes, locked));
        assertThat(pending).as("first steps still to run at the kill").isPositive();

        // 3. restarted again: the jobs the dead node held are taken over once their locks lapse
        server = RunningJar.start("ingest-3", postgres, inbox);
        check.awaitJobsDone(Duration.ofMinutes(2 * 4));
        RunningJar.await("the inbox emptied", Duration.ofMinutes(2 * 1), () -> waiting(inbox).isEmpty());
        assertThat(beingRead(inbox)).as("files left in a node's .processing folder").isEmpty();

        check.assertStoredOnce(facts);
        assertThat(check.count("select count(*) from remittance_file")).as("files on file").isEqualTo(1);
        assertThat(check.count("select count(*) from denial")).as("denials").isEqualTo(facts.denials());
        check.assertEveryDenialHasOneLifecycle();
        check.assertNoStepTwice();
        check.assertEveryProcessWaitsInOneTask("denial-lifecycle");
        check.assertEveryProcessWaitsInOneTask("parity-escalation");
        check.assertNoIncidents();
        assertThat(waiting(inbox.resolve("processed"))).as("processed").singleElement()
                .satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(content));
        assertThat(waiting(inbox.resolve("quarantine"))).as("quarantine").isEmpty();
    }

    static byte[] generate(GeneratorSettings settings) throws IOException {
        var text = new StringWriter();
        new RemittanceGenerator().write(settings, text);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void drop(Path inbox, byte[] content) throws IOException {
        drop(inbox, NAME, content);
    }

    /** As a clearinghouse does: written under a dot-name the server ignores, then renamed. */
    static void drop(Path inbox, String name, byte[] content) throws IOException {
        Path partial = inbox.resolve("." + name);
        Files.write(partial, content);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Claim ids handed out so far. Sequences are not transactional, so this shows the progress of a transaction the
     * test cannot otherwise see into.
     */
    private long claimIdsHandedOut() {
        return check.count("select case when is_called then last_value else 0 end from claim_payment_seq");
    }

    /** The files in any node's {@code .processing} folder. */
    static List<Path> beingRead(Path inbox) {
        try (Stream<Path> files = Files.walk(inbox.resolve(".processing"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> waiting(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

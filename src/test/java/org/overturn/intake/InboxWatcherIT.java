package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.intake.internal.InboxWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

@OverturnIntegrationTest
class InboxWatcherIT {

    /** A watcher's settings: polled by the test itself, files over 100 MB quarantined, takeover after 5 minutes. */
    static IntakeProperties properties(Path inbox, Duration settleTime, String nodeId) {
        return new IntakeProperties(inbox, Duration.ofSeconds(5), true, DataSize.ofMegabytes(100), settleTime,
                Duration.ofMinutes(5), nodeId);
    }

    @Autowired
    FileIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path inbox;
    InboxWatcher watcher;

    @BeforeEach
    void watchTheTemporaryInbox() throws Exception {
        watcher = new InboxWatcher(intake, properties(inbox, Duration.ZERO, "node-1"));
    }

    @Test
    void ingestsDroppedFileAndMovesItToProcessed() throws Exception {
        Files.write(inbox.resolve("era-1.835"), Samples.retraced("tastypackets__profee.835", "-I1"));

        assertThat(watcher.poll()).isEqualTo(1);

        assertThat(inbox.resolve("era-1.835")).doesNotExist();
        assertThat(inbox.resolve("processed/era-1.835")).exists();
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'era-1.835'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void takesAClaimStatusResponseAndKeepsTheStatusesNoClaimOnFileMatches() throws Exception {
        byte[] x212;
        try (var in = InboxWatcherIT.class.getResourceAsStream(
                "/samples/x12/real/linuxforhealth__277-claim-level-status.277")) {
            x212 = in.readAllBytes();
        }
        Files.write(inbox.resolve("status.277"), x212);

        assertThat(watcher.poll()).isEqualTo(1);

        assertThat(inbox.resolve("processed/status.277")).exists();
        Long file = jdbc.queryForObject("select id from claim_file where file_name = 'status.277' and kind = '277'",
                Long.class);
        assertThat(jdbc.queryForList("select trace from claim_status_answer where claim_file_id = ? "
                + "and matched_by is null order by segment", String.class, file))
                .containsExactly("ABCXYZ1", "ABCXYZ2", "ABCXYC3");
    }

    @Test
    void neverFollowsASymbolicLinkOutOfTheInbox(@TempDir Path elsewhere) throws Exception {
        Path outside = elsewhere.resolve("secret.835");
        Files.write(outside, Samples.retraced("tastypackets__profee.835", "-L1"));
        Files.createSymbolicLink(inbox.resolve("linked.835"), outside);

        assertThat(watcher.poll()).isZero();

        assertThat(outside).exists();
        assertThat(inbox.resolve("linked.835")).isSymbolicLink();
        assertThat(inbox.resolve("processed/linked.835")).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'linked.835'",
                Long.class)).isZero();
    }

    @Test
    void quarantinesAFileOverTheSizeLimitUnread() throws Exception {
        var small = new InboxWatcher(intake, new IntakeProperties(inbox, Duration.ofSeconds(5), true,
                DataSize.ofBytes(1_000), Duration.ZERO, Duration.ofMinutes(5), "small"));
        byte[] era = Samples.retraced("tastypackets__profee.835", "-S1");
        assertThat(era.length).isGreaterThan(1_000);
        Files.write(inbox.resolve("huge.835"), era);

        assertThat(small.poll()).isEqualTo(1);

        assertThat(inbox.resolve("quarantine/huge.835")).hasBinaryContent(era);
        assertThat(Files.readString(inbox.resolve("quarantine/huge.835.error.txt")))
                .contains("larger than the 1000 bytes allowed");
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'huge.835'",
                Long.class)).isZero();
    }

    @Test
    void quarantinesMalformedFileWithTheErrorBesideIt() throws Exception {
        Files.write(inbox.resolve("broken.835"), Samples.real("stupidedi__fail-3b.835"));

        watcher.poll();

        assertThat(inbox.resolve("quarantine/broken.835")).exists();
        String error = Files.readString(inbox.resolve("quarantine/broken.835.error.txt"));
        assertThat(error).startsWith("broken.835: segment ");
        assertThat(Files.readAllBytes(inbox.resolve("quarantine/broken.835")))
                .isEqualTo(Samples.real("stupidedi__fail-3b.835"));
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'broken.835'",
                Long.class)).isZero();
    }

    @Test
    void movesARepeatToProcessedWithoutStoringItAgain() throws Exception {
        byte[] content = Samples.retraced("linuxforhealth__secondary-payment.835", "-I3");
        Files.write(inbox.resolve("first.835"), content);
        watcher.poll();
        Files.write(inbox.resolve("first.835"), content);

        watcher.poll();

        try (var kept = Files.list(inbox.resolve("processed"))) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith("first.835"))).hasSize(2);
        }
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'first.835'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void leavesFilesStillBeingWrittenAlone() throws Exception {
        Files.write(inbox.resolve(".era.835.part"), new byte[] {1, 2, 3});

        assertThat(watcher.poll()).isZero();

        assertThat(inbox.resolve(".era.835.part")).exists();
    }

    @Test
    void twoNodesOnOneInboxTakeEachFileOnceAndMoveItOnce() throws Exception {
        // 30 payments, and 5 more each sent twice under two names (a resend): 40 files
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            files.put("two-nodes-%02d.835".formatted(i), Samples.retraced("tastypackets__profee.835", "-TN" + i));
        }
        for (int i = 0; i < 5; i++) {
            byte[] resent = Samples.retraced("pyx12__835_mult_loops.835", "-TR" + i);
            files.put("resent-%d-a.835".formatted(i), resent);
            files.put("resent-%d-b.835".formatted(i), resent);
        }
        for (var file : files.entrySet()) {
            Files.write(inbox.resolve(file.getKey()), file.getValue());
        }
        var nodeA = new InboxWatcher(intake, properties(inbox, Duration.ZERO, "node-a"));
        var nodeB = new InboxWatcher(intake, properties(inbox, Duration.ZERO, "node-b"));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> polls = new ArrayList<>();
            for (InboxWatcher node : List.of(nodeA, nodeB)) {
                polls.add(nodes.submit(() -> {
                    start.await();
                    int handled = 0;
                    while (!regularFiles(inbox).isEmpty()) {
                        handled += node.poll();
                    }
                    return handled;
                }));
            }
            start.countDown();
            int took = polls.get(0).get(3, TimeUnit.MINUTES);
            int handled = took + polls.get(1).get(3, TimeUnit.MINUTES);
            org.slf4j.LoggerFactory.getLogger(InboxWatcherIT.class).info("node-a took {} files, node-b {}", took,
                    handled - took);
            assertThat(handled).as("files dealt with by the two nodes together").isEqualTo(files.size());
        } finally {
            nodes.shutdownNow();
        }

        // each moved once: under its own name, no second copy, nothing left behind
        assertThat(regularFiles(inbox.resolve("processed"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        for (var file : files.entrySet()) {
            assertThat(inbox.resolve("processed").resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        assertThat(regularFiles(inbox.resolve("quarantine"))).isEmpty();
        assertThat(filesBeingRead()).isEmpty();
        // each stored once: the 30 payments, and of each resent pair one file, the other answered as a duplicate
        for (int i = 0; i < 30; i++) {
            assertThat(filesNamed("two-nodes-%02d.835".formatted(i))).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from remittance r join remittance_file f on f.id = r.file_id"
                    + " where f.file_name = ?", Long.class, "two-nodes-%02d.835".formatted(i))).isEqualTo(1);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(filesNamed("resent-%d-a.835".formatted(i)) + filesNamed("resent-%d-b.835".formatted(i)))
                    .isEqualTo(1);
        }
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItSettles() throws Exception {
        var settling = new InboxWatcher(intake, properties(inbox, Duration.ofMillis(300), "settling"));
        byte[] era = Samples.retraced("tastypackets__profee.835", "-W1");
        int half = era.length / 2;
        Path file = inbox.resolve("written-in-place.835");
        Files.write(file, java.util.Arrays.copyOf(era, half));

        // first seen: not taken; then grown: seen anew, not taken
        assertThat(settling.poll()).isZero();
        Files.write(file, java.util.Arrays.copyOfRange(era, half, era.length), StandardOpenOption.APPEND);
        assertThat(settling.poll()).isZero();
        assertThat(file).exists();
        assertThat(filesBeingRead()).isEmpty();

        // once it has stopped changing it is taken, whole
        org.awaitility.Awaitility.await("the file settled and taken").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> settling.poll() == 1);
        assertThat(inbox.resolve("processed/written-in-place.835")).hasBinaryContent(era);
        assertThat(regularFiles(inbox.resolve("quarantine"))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'written-in-place.835'"
                + " and size_bytes = ?", Long.class, era.length)).isEqualTo(1);
    }

    @Test
    void takesOverTheFilesOfANodeKilledWhileItReadThemAndLeavesALiveNodesAlone() throws Exception {
        // killed while it read one file, and after it stored another but before it moved it
        Path dead = Files.createDirectories(inbox.resolve(".processing/dead-node"));
        byte[] unread = Samples.retraced("tastypackets__profee.835", "-K1");
        byte[] stored = Samples.retraced("tastypackets__profee.835", "-K2");
        Files.write(dead.resolve("killed-reading.835"), unread);
        Files.write(dead.resolve("killed-moving.835"), stored);
        assertThat(intake.ingest("killed-moving.835", stored, "INBOX", null).outcome())
                .isEqualTo(IntakeResult.Outcome.STORED);
        Files.setLastModifiedTime(dead, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        // a node that lives (its folder touched just now) reading a file of its own
        Path live = Files.createDirectories(inbox.resolve(".processing/live-node"));
        Files.write(live.resolve("being-read.835"), Samples.retraced("tastypackets__profee.835", "-K3"));

        assertThat(watcher.poll()).isEqualTo(2);

        assertThat(inbox.resolve("processed/killed-reading.835")).hasBinaryContent(unread);
        assertThat(inbox.resolve("processed/killed-moving.835")).hasBinaryContent(stored);
        assertThat(regularFiles(inbox.resolve("processed"))).hasSize(2);
        assertThat(dead).doesNotExist();
        assertThat(filesNamed("killed-reading.835")).isEqualTo(1);
        assertThat(filesNamed("killed-moving.835")).as("stored before the kill, a duplicate after").isEqualTo(1);
        assertThat(live.resolve("being-read.835")).exists();
        assertThat(filesNamed("being-read.835")).isZero();
    }

    @Test
    void aRestartedNodeDealsWithTheFilesLeftInItsOwnFolder() throws Exception {
        byte[] era = Samples.retraced("tastypackets__profee.835", "-R1");
        Path own = Files.createDirectories(inbox.resolve(".processing/restarted"));
        Files.write(own.resolve("left-behind.835"), era);

        assertThat(new InboxWatcher(intake, properties(inbox, Duration.ofMinutes(1), "restarted")).poll())
                .isEqualTo(1);

        assertThat(inbox.resolve("processed/left-behind.835")).hasBinaryContent(era);
        assertThat(filesBeingRead()).isEmpty();
        assertThat(filesNamed("left-behind.835")).isEqualTo(1);
    }

    private long filesNamed(String name) {
        return jdbc.queryForObject("select count(*) from remittance_file where file_name = ?", Long.class, name);
    }

    /** Files in any node's .processing folder. */
    private List<Path> filesBeingRead() throws IOException {
        Path processing = inbox.resolve(InboxWatcher.PROCESSING);
        if (!Files.exists(processing)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(processing)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    private static List<Path> regularFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

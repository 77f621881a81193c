package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.intake.internal.InboxWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@OverturnIntegrationTest
class InboxWatcherIT {

    @Autowired
    FileIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path inbox;
    InboxWatcher watcher;

    @BeforeEach
    void watchTheTemporaryInbox() throws Exception {
        watcher = new InboxWatcher(intake, new IntakeProperties(inbox, Duration.ofSeconds(5), true,
                org.springframework.util.unit.DataSize.ofMegabytes(100)));
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
                org.springframework.util.unit.DataSize.ofBytes(1_000)));
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
}

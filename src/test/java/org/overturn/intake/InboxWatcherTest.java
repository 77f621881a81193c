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
class InboxWatcherTest {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path inbox;
    InboxWatcher watcher;

    @BeforeEach
    void watchTheTemporaryInbox() throws Exception {
        watcher = new InboxWatcher(intake, new IntakeProperties(inbox, Duration.ofSeconds(5), true));
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

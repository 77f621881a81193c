package org.overturn.intake.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.overturn.intake.IntakeProperties;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests every file dropped into the inbox folder, then moves it to {@code processed/} (stored or
 * duplicate) or {@code quarantine/} (with {@code <file>.error.txt} beside it). A file that fails for any
 * other reason (the database is down) stays in the inbox and is tried again on the next poll.
 */
public class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final RemittanceIntake intake;
    private final Path inbox;
    private final Path processed;
    private final Path quarantine;

    public InboxWatcher(RemittanceIntake intake, IntakeProperties properties) throws IOException {
        this.intake = intake;
        this.inbox = properties.inbox().toAbsolutePath();
        this.processed = inbox.resolve("processed");
        this.quarantine = inbox.resolve("quarantine");
        Files.createDirectories(processed);
        Files.createDirectories(quarantine);
    }

    /** Looks at the inbox once; returns how many files it dealt with. */
    public int poll() {
        int handled = 0;
        for (Path file : waitingFiles()) {
            try {
                handle(file);
                handled++;
            } catch (IOException | RuntimeException e) {
                log.error("Could not ingest {}; it stays in the inbox and is tried again", file.getFileName(), e);
            }
        }
        return handled;
    }

    private List<Path> waitingFiles() {
        try (Stream<Path> files = Files.list(inbox)) {
            // dot-files are still being written by the sender (the usual write-then-rename convention)
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.error("Cannot list the inbox {}", inbox, e);
            return List.of();
        }
    }

    private void handle(Path file) throws IOException {
        String name = file.getFileName().toString();
        IntakeResult result = intake.ingest(name, Files.readAllBytes(file), "INBOX", null);
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            Path target = unique(quarantine, name);
            Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), result.error() + "\n");
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(file, unique(processed, name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The same name may arrive again (a resend): never overwrite what is already kept. */
    private static Path unique(Path folder, String name) {
        Path target = folder.resolve(name);
        return Files.exists(target) ? folder.resolve(name + "." + LocalDateTime.now().format(STAMP)) : target;
    }
}

package org.overturn.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.overturn.intake.IntakeProperties;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.FileIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests every file dropped into the inbox folder, then moves it to {@code processed/} (stored or
 * duplicate) or {@code quarantine/} (with {@code <file>.error.txt} beside it). A file stored but for some
 * transaction sets that could not be read goes to {@code processed/}, with {@code <file>.error.txt} beside it
 * naming those (the file is in the quarantine list too). A file that fails for any
 * other reason (the database is down) stays in the inbox and is tried again on the next poll. Symbolic links are
 * never followed (a link could point anywhere on the server), and a file over {@code overturn.intake.max-file-size}
 * is quarantined without being read.
 */
public class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final FileIntake intake;
    private final Path inbox;
    private final Path processed;
    private final Path quarantine;
    private final long maxFileSize;

    public InboxWatcher(FileIntake intake, IntakeProperties properties) throws IOException {
        this.intake = intake;
        this.maxFileSize = properties.maxFileSize().toBytes();
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
            // a symbolic link is no file of the inbox: it stays where it is, unread
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
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
        byte[] content = new byte[0];
        boolean tooLarge = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size()
                > maxFileSize;
        if (!tooLarge) {
            // NOFOLLOW_LINKS: a file swapped for a link after the listing is refused, not followed; and one that
            // grew meanwhile is read no further than the limit
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                content = in.readNBytes((int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8));
            }
            tooLarge = content.length > maxFileSize;
        }
        if (tooLarge) {
            log.warn("Inbox file {} is larger than the {} bytes allowed; quarantined unread", name, maxFileSize);
            quarantine(file, name, name + ": larger than the " + maxFileSize + " bytes allowed "
                    + "(overturn.intake.max-file-size); not read");
            return;
        }
        IntakeResult result = intake.ingest(name, content, "INBOX", null);
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            quarantine(file, name, result.error());
        } else if (!result.unreadable().isEmpty()) {
            moveWithReason(file, processed, name, Quarantine.reason(name, result.unreadable()));
        } else {
            Files.move(file, unique(processed, name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void quarantine(Path file, String name, String error) throws IOException {
        moveWithReason(file, quarantine, name, error);
    }

    private static void moveWithReason(Path file, Path folder, String name, String error) throws IOException {
        Path target = unique(folder, name);
        Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), error + "\n");
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The same name may arrive again (a resend): never overwrite what is already kept. */
    private static Path unique(Path folder, String name) {
        Path target = folder.resolve(name);
        return Files.exists(target) ? folder.resolve(name + "." + LocalDateTime.now().format(STAMP)) : target;
    }
}

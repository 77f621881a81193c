package org.overturn.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.overturn.intake.FileIntake;
import org.overturn.intake.IntakeProperties;
import org.overturn.intake.IntakeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests every file dropped into the inbox folder, then moves it to {@code processed/} (stored or
 * duplicate) or {@code quarantine/} (with {@code <file>.error.txt} beside it). A file stored but for some
 * transaction sets that could not be read goes to {@code processed/}, with {@code <file>.error.txt} beside it
 * naming those (the file is in the quarantine list too). A file that fails for any other reason (the database is
 * down) goes back to the inbox and is tried again on a later poll. Symbolic links are never followed (a link could
 * point anywhere on the server), and a file over {@code overturn.intake.max-file-size} is quarantined unread.
 * <p>
 * Several nodes may watch one shared inbox. A file is taken only once it has settled (its size and modification
 * time unchanged for {@code overturn.intake.settle-time}; a name starting with a dot is never taken, so a sender
 * may also write {@code .x.835} and rename it when complete), and it is taken by renaming it into this node's own
 * folder {@code .processing/<node-id>/} before a byte of it is read: a rename is atomic, so of two nodes taking the
 * same file one wins and the other finds it gone and skips it. A node touches its folder while it lives (the
 * heartbeat); the files in the folder of a node silent for {@code overturn.intake.takeover-after} (killed while it
 * read or stored them) are taken over by the next node that looks, and those in this node's own folder (left by an
 * earlier run under the same node id) are dealt with at its next poll. Storing is idempotent (a file is known by its
 * SHA-256, a payment by its payer and trace number), so a file stored by a node killed before it could move it is
 * answered "duplicate" when taken again, and moved once.
 */
public class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** The folder of the nodes' folders of files being read, hidden from the listing as a dot-name. */
    public static final String PROCESSING = ".processing";

    private final FileIntake intake;
    private final Path inbox;
    private final Path processed;
    private final Path quarantine;
    private final Path processing;
    private final Path own;
    private final String nodeId;
    private final long maxFileSize;
    private final Duration settleTime;
    private final Duration takeoverAfter;
    private final Supplier<Optional<String>> closedBecause;
    /** The inbox's files as last seen, and since when they have looked like that: only this node's polls touch it. */
    private final Map<Path, Seen> seen = new HashMap<>();
    private String pausedBecause;
    private boolean watched;

    private record Seen(long size, FileTime modified, long sinceNanos) {
    }

    /** A watcher that is never held (tests). */
    public InboxWatcher(FileIntake intake, IntakeProperties properties) throws IOException {
        this(intake, properties, Optional::empty);
    }

    /**
     * @param closedBecause why the doors are closed now (the application not ready, the demo replay), when they
     *                      are: then a poll looks at nothing
     */
    public InboxWatcher(FileIntake intake, IntakeProperties properties, Supplier<Optional<String>> closedBecause)
            throws IOException {
        this.intake = intake;
        this.closedBecause = closedBecause;
        this.maxFileSize = properties.maxFileSize().toBytes();
        this.settleTime = properties.settleTime();
        this.takeoverAfter = properties.takeoverAfter();
        this.nodeId = properties.nodeId() == null || properties.nodeId().isBlank() ? defaultNodeId()
                : safeName(properties.nodeId());
        this.inbox = properties.inbox().toAbsolutePath();
        this.processed = inbox.resolve("processed");
        this.quarantine = inbox.resolve("quarantine");
        this.processing = inbox.resolve(PROCESSING);
        this.own = processing.resolve(nodeId);
        Files.createDirectories(processed);
        Files.createDirectories(quarantine);
        Files.createDirectories(own);
        log.info("Inbox {} watched by node {} (files settle for {}, a silent node's files are taken over after {})",
                inbox, nodeId, settleTime, takeoverAfter);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The host name and process id, as a folder name: one per JVM, and the same again only for the same process. */
    static String defaultNodeId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "node";
            }
        }
        return safeName(host + "-" + ProcessHandle.current().pid());
    }

    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /**
     * Looks at the inbox once: the files left in this node's folder, those of silent nodes, then the settled files
     * of the inbox; returns how many files it dealt with. Does nothing while the doors are closed.
     */
    public synchronized int poll() {
        Optional<String> closed = closedBecause.get();
        if (closed.isPresent()) {
            // while the application starts nothing is said: it has said why itself, if it matters
            if (watched && !closed.get().equals(pausedBecause)) {
                log.info("Inbox not watched for now: {}", closed.get());
            }
            pausedBecause = closed.get();
            return 0;
        }
        if (watched && pausedBecause != null) {
            log.info("Inbox watched again");
        }
        pausedBecause = null;
        watched = true;
        heartbeat();
        int handled = 0;
        List<Path> mine = new ArrayList<>(filesIn(own));
        mine.addAll(takeOverSilentNodes());
        for (Path file : mine) {
            handled += handleTaken(file) ? 1 : 0;
        }
        for (Path file : settledFiles()) {
            if (closedBecause.get().isPresent()) {
                break; // the server is stopping: the rest wait for the next start, or another node
            }
            Path taken = take(file);
            if (taken != null) {
                handled += handleTaken(taken) ? 1 : 0;
            }
        }
        return handled;
    }

    /** Tells the other nodes this one lives: its folder's modification time is the last sign of life. */
    public void heartbeat() {
        try {
            Files.createDirectories(own);
            Files.setLastModifiedTime(own, FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.warn("Cannot touch this node's folder {}: {}", own, e.toString());
        }
    }

    /** The regular files of the inbox that look as they did {@code settle-time} ago (and before). */
    private List<Path> settledFiles() {
        long now = System.nanoTime();
        Map<Path, Seen> current = new HashMap<>();
        List<Path> settled = new ArrayList<>();
        for (Path file : filesIn(inbox)) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // taken by another node since the listing
            }
            Seen before = seen.get(file);
            Seen looks = before != null && before.size() == attributes.size()
                    && before.modified().equals(attributes.lastModifiedTime()) ? before
                    : new Seen(attributes.size(), attributes.lastModifiedTime(), now);
            current.put(file, looks);
            if (now - looks.sinceNanos() >= settleTime.toNanos()) {
                settled.add(file);
            }
        }
        seen.clear();
        seen.putAll(current);
        return settled;
    }

    /**
     * Takes a settled file by renaming it into this node's folder; null when another node took it first, or when it
     * changed after all (it goes back, to settle again).
     */
    private Path take(Path file) {
        Seen settled = seen.remove(file);
        Path name = file.getFileName();
        Path taken = own.resolve(name);
        if (Files.exists(taken, LinkOption.NOFOLLOW_LINKS)) {
            return null; // a file of that name is still here from an earlier try; this one waits its turn
        }
        try {
            try {
                Files.move(file, taken, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    return null; // another node took it first
                }
                // this node's folder went, removed by a node that thought this one dead: back again
                heartbeat();
                Files.move(file, taken, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.error("Cannot take inbox file {}; it stays in the inbox", name, e);
            return null;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(taken, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (settled != null && now.isRegularFile() && now.size() == settled.size()
                    && now.lastModifiedTime().equals(settled.modified())) {
                return taken;
            }
            log.info("Inbox file {} changed as it was taken; it goes back to settle", name);
        } catch (IOException e) {
            log.warn("Inbox file {} cannot be looked at once taken ({}); it goes back", name, e.toString());
        }
        giveBack(taken);
        return null;
    }

    /**
     * Moves into this node's folder the files of every node whose folder has not been touched for
     * {@code takeover-after}, and removes such a folder once empty. Of two nodes taking over the same file, one wins
     * the rename.
     */
    private List<Path> takeOverSilentNodes() {
        List<Path> taken = new ArrayList<>();
        Instant silentSince = Instant.now().minus(takeoverAfter);
        List<Path> folders;
        try (Stream<Path> entries = Files.list(processing)) {
            folders = entries.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).filter(f -> !f.equals(own))
                    .sorted().toList();
        } catch (IOException e) {
            log.error("Cannot list {}", processing, e);
            return taken;
        }
        for (Path folder : folders) {
            try {
                FileTime lastSign = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
                if (!lastSign.toInstant().isBefore(silentSince)) {
                    continue;
                }
                for (Path file : filesIn(folder)) {
                    Path mine = own.resolve(file.getFileName());
                    if (Files.exists(mine, LinkOption.NOFOLLOW_LINKS)) {
                        continue; // a file of the same name is here: the next poll
                    }
                    try {
                        Files.move(file, mine, StandardCopyOption.ATOMIC_MOVE);
                        log.warn("Inbox file {} taken over from node {}, silent since {}", file.getFileName(),
                                folder.getFileName(), lastSign);
                        taken.add(mine);
                    } catch (NoSuchFileException e) {
                        // another node took it over first
                    }
                }
                Files.delete(folder);
            } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                // gone meanwhile, or a file left for the next poll (or the node came back)
            } catch (IOException e) {
                log.error("Cannot take over the files of {}", folder.getFileName(), e);
            }
        }
        return taken;
    }

    /** Deals with a file in this node's folder; a failure gives it back to the inbox, for a later poll. */
    private boolean handleTaken(Path file) {
        try {
            handle(file);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("Could not ingest {}; it goes back to the inbox and is tried again", file.getFileName(), e);
            giveBack(file);
            return false;
        }
    }

    private void giveBack(Path file) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    && !moveWithoutReplacing(file, inbox.resolve(file.getFileName()))) {
                log.warn("A file named {} waits in the inbox again: this one stays in {} for the next poll",
                        file.getFileName(), own);
            }
        } catch (IOException e) {
            log.error("Cannot give {} back to the inbox; it stays in {} for the next poll", file.getFileName(), own, e);
        }
    }

    private void handle(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] content = new byte[0];
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            // swapped for a link (or anything else) between the listing and the rename: back, where it is ignored
            giveBack(file);
            return;
        }
        boolean tooLarge = attributes.size() > maxFileSize;
        if (!tooLarge) {
            // NOFOLLOW_LINKS: a file swapped for a link is refused, not followed; and one that
            // grew meanwhile is read no further than the limit
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                content = in.readNBytes((int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8));
            }
            tooLarge = content.length > maxFileSize;
        }
        if (tooLarge) {
            log.warn("Inbox file {} is larger than the {} bytes allowed; quarantined unread", name, maxFileSize);
            keep(file, quarantine, name, name + ": larger than the " + maxFileSize + " bytes allowed "
                    + "(overturn.intake.max-file-size); not read");
            return;
        }
        IntakeResult result = intake.ingest(name, content, "INBOX", null);
        if (result.outcome() == IntakeResult.Outcome.REJECTED) {
            keep(file, quarantine, name, result.error());
        } else if (!result.unreadable().isEmpty()) {
            keep(file, processed, name, Quarantine.reason(name, result.unreadable()));
        } else {
            keep(file, processed, name, null);
        }
    }

    /**
     * Moves the file into {@code folder} under its name, or (the same name arrived before: a resend) its name with a
     * time stamp, never over a file kept there; with {@code <name>.error.txt} beside it when there is a reason.
     */
    private void keep(Path file, Path folder, String name, String reason) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        for (int attempt = 0; ; attempt++) {
            Path target = folder.resolve(attempt == 0 ? name : attempt == 1 ? name + "." + stamp
                    : name + "." + stamp + "-" + attempt);
            Path errors = target.resolveSibling(target.getFileName() + ".error.txt");
            if (reason != null) {
                try {
                    // first the reason, so that the file is never there without it
                    Files.writeString(errors, reason + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
            }
            try {
                if (moveWithoutReplacing(file, target)) {
                    return;
                }
            } catch (NoSuchFileException e) {
                if (reason != null) {
                    Files.deleteIfExists(errors);
                }
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    // taken over by a node that thought this one dead: it answers it as a duplicate and moves it
                    log.warn("Inbox file {} was taken over by another node while this one stored it", name);
                    return;
                }
                throw e;
            }
            if (reason != null) {
                Files.deleteIfExists(errors);
            }
        }
    }

    /**
     * Moves {@code source} to {@code target} unless a file is there (false then): a hard link, which fails when the
     * name is taken however many nodes try at once, then the source removed. A node killed between the two leaves
     * the file in both places; it is taken again, answered as a duplicate and kept a second time. Where the file
     * system has no hard links, a rename after a look at the target.
     */
    static boolean moveWithoutReplacing(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Files.move(source, target);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
        // gone already only if a node that thought this one dead took it over: it answers it as a duplicate
        Files.deleteIfExists(source);
        return true;
    }

    /** The regular files of a folder, not the dot-files, in name order. */
    private List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            // dot-files are still being written by the sender (the usual write-then-rename convention)
            // a symbolic link is no file of the inbox: it stays where it is, unread
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(Predicate.not(f -> f.getFileName().toString().startsWith(".")))
                    .sorted()
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            log.error("Cannot list {}", folder, e);
            return List.of();
        }
    }
}

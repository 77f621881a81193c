package org.overturn.part2;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Providers flagged as federally assisted substance-use disorder programs (42 CFR Part 2): every claim they
 * render is a Part 2 record, whatever its procedure codes. Ingestion asks {@link #isProgram} for every denied
 * claim, so the flagged NPIs are kept in memory and read again after each change here, and at least once a
 * minute for changes made on another node of a cluster.
 */
@Service
public class Part2Programs {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final RowMapper<Part2Program> ROW = (rs, i) -> new Part2Program(rs.getString("npi"),
            rs.getString("name"), rs.getString("added_by"), rs.getTimestamp("added_at").toInstant(),
            (Long) rs.getObject("practice_id"));

    private record Snapshot(Set<String> npis, long readAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Snapshot snapshot;

    Part2Programs(JdbcTemplate jdbc, TransactionTemplate transaction, AuditTrail audit, Clock clock,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean isProgram(String npi) {
        return npi != null && !npi.isBlank() && current().contains(npi.trim());
    }

    /**
     * Flags the provider as a Part 2 program (or renames it when it is one already); the claims it rendered and their
     * denials are marked as Part 2 records in the same transaction, by the listeners of {@link Part2ProgramFlagged}.
     * Flagging again is harmless and marks what came in meanwhile.
     */
    public void flag(String npi, String name, String user) {
        flag(npi, name, null, user);
    }

    /** The same, for a program run by that practice (null: none said; flagging again with null keeps the one said). */
    public void flag(String npi, String name, Long practiceId, String user) {
        String cleanNpi = npi == null ? null : npi.trim();
        String cleanName = name == null ? null : name.trim();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Npi.isValid(cleanNpi)) {
            errors.put("npi", "Enter the provider's 10-digit NPI (its check digit did not match)");
        }
        if (cleanName == null || cleanName.isEmpty()) {
            errors.put("name", "Enter the program's name");
        } else if (cleanName.length() > 200) {
            errors.put("name", "Keep the name to 200 characters");
        }
        if (!errors.isEmpty()) {
            throw new Part2Problem(Part2Problem.Kind.INVALID, "The program cannot be flagged", errors);
        }
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("""
                        insert into part2_program (npi, name, added_by, added_at, practice_id) values (?, ?, ?, ?, ?)
                        on conflict (npi) do update set name = excluded.name,
                            practice_id = coalesce(excluded.practice_id, part2_program.practice_id)
                        """, cleanNpi, cleanName, user, Timestamp.from(clock.instant()), practiceId);
                // known to ingestion before the sweep, so a claim stored meanwhile is marked on one side or the other
                remember(cleanNpi);
                events.publishEvent(new Part2ProgramFlagged(cleanNpi, user));
            });
        } finally {
            reload();
        }
        audit.recordAs(user, AuditAction.PART2_PROGRAM_CHANGED, "part2-program", cleanNpi,
                "flagged as a Part 2 program; the records it rendered are marked Part 2");
    }

    /**
     * The provider is no longer a Part 2 program. Denials already marked stay Part 2: the records were made
     * while it was one and stay protected (42 CFR 2.12), and some were marked for their services anyway.
     */
    public void unflag(String npi, String user) {
        String cleanNpi = npi == null ? null : npi.trim();
        if (jdbc.update("delete from part2_program where npi = ?", cleanNpi) == 0) {
            throw new Part2Problem(Part2Problem.Kind.NOT_FOUND, "No Part 2 program with NPI " + cleanNpi);
        }
        reload();
        audit.recordAs(user, AuditAction.PART2_PROGRAM_CHANGED, "part2-program", cleanNpi,
                "no longer a Part 2 program; denials already marked stay Part 2");
    }

    public List<Part2Program> all() {
        return jdbc.query("select * from part2_program order by name, npi", ROW);
    }

    /** The programs a practice runs, by name. */
    public List<Part2Program> ofPractice(long practiceId) {
        return jdbc.query("select * from part2_program where practice_id = ? order by name, npi", ROW, practiceId);
    }

    Optional<Part2Program> find(String npi) {
        return jdbc.query("select * from part2_program where npi = ?", ROW, npi).stream().findFirst();
    }

    private Set<String> current() {
        Snapshot known = snapshot;
        if (known == null || System.nanoTime() - known.readAtNanos() > FRESH_FOR.toNanos()) {
            known = reload();
        }
        return known.npis();
    }

    private Snapshot reload() {
        Snapshot read = new Snapshot(Set.copyOf(jdbc.queryForList("select npi from part2_program", String.class)),
                System.nanoTime());
        snapshot = read;
        return read;
    }

    private void remember(String npi) {
        Set<String> npis = new HashSet<>(current());
        npis.add(npi);
        snapshot = new Snapshot(Set.copyOf(npis), System.nanoTime());
    }
}

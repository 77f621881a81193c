package org.overturn.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which process instances belong to which denial: its lifecycle, and its parity escalation when it has one
 * (table {@code denial_process}, this module's). Other modules ask here instead of reading the table.
 */
@Service
public class ProcessesOfDenials {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProcessesOfDenials(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a process started for a denial besides its lifecycle (its parity escalation, the deadline of an appeal
     * level), in the starting
     * transaction: the work queues find the denial behind the process's tasks here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void register(long denialId, String kind, String processInstanceId) {
        jdbc.update("insert into denial_process (denial_id, kind, process_instance_id, started_at) values (?, ?, ?, ?)",
                denialId, kind, processInstanceId, Timestamp.from(clock.instant()));
    }

    /** Records several such processes in one batch: a file's denials, each with the deadline of its first level. */
    @Transactional(propagation = Propagation.MANDATORY)
    void registerAll(List<Registration> registrations) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into denial_process (denial_id, kind, process_instance_id, started_at) values (?, ?, ?, ?)",
                registrations.stream().map(r -> new Object[] {r.denialId(), r.kind(), r.processInstanceId(), now})
                        .toList());
    }

    record Registration(long denialId, String kind, String processInstanceId) {
    }

    /** The kinds of process each of these denials has, running or ended, in one query ({@link #has} for many). */
    Map<Long, java.util.Set<String>> kindsOf(Collection<Long> denialIds) {
        Map<Long, java.util.Set<String>> kinds = new HashMap<>();
        if (denialIds.isEmpty()) {
            return kinds;
        }
        jdbc.query("select denial_id, kind from denial_process where denial_id = any(?)", row -> {
            kinds.computeIfAbsent(row.getLong(1), id -> new java.util.HashSet<>()).add(row.getString(2));
        }, (Object) denialIds.toArray(Long[]::new));
        return kinds;
    }

    /** Whether the denial has a process of this kind, running or ended. */
    public boolean has(long denialId, String kind) {
        Integer found = jdbc.queryForObject("select count(*) from denial_process where denial_id = ? and kind = ?",
                Integer.class, denialId, kind);
        return found != null && found > 0;
    }

    /** The denial's process instances, its lifecycle first. */
    public List<String> of(long denialId) {
        return jdbc.queryForList("select process_instance_id from denial_process where denial_id = ?"
                + " order by kind = 'LIFECYCLE' desc", String.class, denialId);
    }

    public Optional<String> lifecycleOf(long denialId) {
        return jdbc.queryForList("select process_instance_id from denial_process where denial_id = ?"
                + " and kind = 'LIFECYCLE'", String.class, denialId).stream().findFirst();
    }

    /** The denial behind each of these process instances (those that belong to one). */
    public Map<String, Long> denialsOf(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select process_instance_id, min(denial_id) from denial_process where process_instance_id = any(?) "
                + "group by process_instance_id", row -> {
            ids.put(row.getString(1), row.getLong(2));
        }, (Object) processInstanceIds.toArray(String[]::new));
        return ids;
    }
}

package org.overturn.denial;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The appeals of a denial, one per level: when it went out, who approved it, how the payer decided. */
@Service
public class Appeals {

    public enum Outcome { OVERTURNED, UPHELD }

    /** One appeal as sent; {@code outcome} and {@code decidedAt} are null while the payer has not decided. */
    public record Appeal(int level, String argument, String preparedBy, String approvedBy, java.time.Instant sentAt,
                         String outcome, java.time.Instant decidedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Appeals(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Idempotent per denial and level: a retried send records the appeal once, with the level's due date. */
    @Transactional
    public void recordSent(long denialId, int level, String argument, String preparedBy, String approvedBy) {
        jdbc.update("""
                insert into appeal (denial_id, level, argument, prepared_by, approved_by, sent_at, due_on)
                values (?, ?, ?, ?, ?, ?, (select appeal_due_date from denial where id = ?))
                on conflict (denial_id, level) do nothing
                """, denialId, level, argument, preparedBy, approvedBy, Timestamp.from(clock.instant()), denialId);
    }

    @Transactional(readOnly = true)
    public java.util.List<Appeal> of(long denialId) {
        return jdbc.query("select * from appeal where denial_id = ? order by level", (rs, i) -> new Appeal(
                rs.getInt("level"), rs.getString("argument"), rs.getString("prepared_by"), rs.getString("approved_by"),
                rs.getTimestamp("sent_at").toInstant(), rs.getString("outcome"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant()), denialId);
    }

    @Transactional
    public void recordDecision(long denialId, int level, Outcome outcome) {
        jdbc.update("update appeal set outcome = ?, decided_at = ? where denial_id = ? and level = ?",
                outcome.name(), Timestamp.from(clock.instant()), denialId, level);
    }
}

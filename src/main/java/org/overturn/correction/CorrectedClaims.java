package org.overturn.correction;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of each correction: the corrected (replacement) claim's what, who and why. */
@Service
public class CorrectedClaims {

    public record CorrectedClaim(long id, long denialId, String whatChanged, String reason, String correctedBy,
                                 java.time.Instant correctedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CorrectedClaims(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(long denialId, String whatChanged, String reason, String correctedBy) {
        jdbc.update("insert into corrected_claim (denial_id, what_changed, reason, corrected_by, corrected_at) "
                + "values (?, ?, ?, ?, ?)", denialId, whatChanged, reason, correctedBy, Timestamp.from(clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<CorrectedClaim> of(long denialId) {
        return jdbc.query("select * from corrected_claim where denial_id = ? order by id", (rs, i) ->
                new CorrectedClaim(rs.getLong("id"), rs.getLong("denial_id"), rs.getString("what_changed"),
                        rs.getString("reason"), rs.getString("corrected_by"),
                        rs.getTimestamp("corrected_at").toInstant()), denialId);
    }

    /** The latest correction of the denial went to the payer. */
    @Transactional
    public void markSubmitted(long denialId) {
        jdbc.update("""
                update corrected_claim set submitted_at = ?
                 where id = (select max(id) from corrected_claim where denial_id = ?) and submitted_at is null
                """, Timestamp.from(clock.instant()), denialId);
    }
}

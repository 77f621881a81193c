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

    /**
     * @param replacementProblem why no replacement 837 was made for it (the biller resubmits by hand), or null
     */
    public record CorrectedClaim(long id, long denialId, String whatChanged, String reason, String correctedBy,
                                 java.time.Instant correctedAt, String frequency, String replacementProblem) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CorrectedClaims(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(long denialId, String whatChanged, String reason, String correctedBy) {
        record(denialId, whatChanged, reason, correctedBy, null, null);
    }

    /** Records a correction with its structured changes (as JSON) and the frequency of its claim; answers its id. */
    @Transactional
    public long record(long denialId, String whatChanged, String reason, String correctedBy, String changesJson,
                       String frequency) {
        return jdbc.queryForObject("""
                insert into corrected_claim (denial_id, what_changed, reason, corrected_by, corrected_at, changes,
                    frequency)
                values (?, ?, ?, ?, ?, ?::jsonb, ?) returning id
                """, Long.class, denialId, truncate(whatChanged, 500), truncate(reason, 1000), correctedBy,
                Timestamp.from(clock.instant()), changesJson, frequency);
    }

    /** No replacement 837 could be made for this correction, and why: the biller resubmits by hand. */
    @Transactional
    public void noReplacement(long correctedClaimId, String problem) {
        jdbc.update("update corrected_claim set replacement_problem = ? where id = ?", problem, correctedClaimId);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    @Transactional(readOnly = true)
    public List<CorrectedClaim> of(long denialId) {
        return jdbc.query("select * from corrected_claim where denial_id = ? order by id", (rs, i) ->
                new CorrectedClaim(rs.getLong("id"), rs.getLong("denial_id"), rs.getString("what_changed"),
                        rs.getString("reason"), rs.getString("corrected_by"),
                        rs.getTimestamp("corrected_at").toInstant(), rs.getString("frequency"),
                        rs.getString("replacement_problem")), denialId);
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

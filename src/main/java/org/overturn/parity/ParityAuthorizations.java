package org.overturn.parity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's standing in a parity case. The right to a plan's comparative analysis (29 U.S.C. 1185a(a)(8)) is
 * the participant's; a practice asks for it, or complains, as the patient's authorized representative only with the
 * patient's signed authorization on file (who signed, when, what it covers, where the document is). Without one the
 * practice writes in its own name: as a provider it can still ask for the medical necessity criteria and complain.
 */
@Service
public class ParityAuthorizations {

    public enum Scope {
        /** the request for the comparative analysis and criteria only */
        REQUEST,
        REQUEST_AND_COMPLAINT;

        boolean covers(boolean complaint) {
            return !complaint || this == REQUEST_AND_COMPLAINT;
        }
    }

    public record Authorization(long id, long denialId, String signedBy, LocalDate signedOn, Scope scope,
                                String document, LocalDate expiresOn, String recordedBy) {

        /** How a letter names it. */
        public String describe() {
            return "authorization signed by " + signedBy + " on " + signedOn + " ("
                    + (scope == Scope.REQUEST ? "request for the comparative analysis" : "request and complaint")
                    + "; " + document + ")";
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ParityAuthorizations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Authorization record(long denialId, String signedBy, LocalDate signedOn, Scope scope, String document,
                                LocalDate expiresOn, String user) {
        if (signedBy == null || signedBy.isBlank() || document == null || document.isBlank() || signedOn == null
                || scope == null) {
            throw new IllegalArgumentException("an authorization needs who signed it, when, its scope and the "
                    + "signed document");
        }
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("signedOn: an authorization cannot be signed in the future");
        }
        if (expiresOn != null && expiresOn.isBefore(signedOn)) {
            throw new IllegalArgumentException("expiresOn: before the day it was signed");
        }
        Long id = jdbc.queryForObject("""
                insert into parity_authorization (denial_id, signed_by, signed_on, scope, document, expires_on,
                                                  recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, denialId, signedBy.strip(),
                java.sql.Date.valueOf(signedOn), scope.name(), document.strip(),
                expiresOn == null ? null : java.sql.Date.valueOf(expiresOn), user, Timestamp.from(clock.instant()));
        return all(denialId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void revoke(long denialId) {
        jdbc.update("update parity_authorization set revoked_at = ? where denial_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), denialId);
    }

    /** The authorization a request ({@code complaint} false) or complaint may go under today, if any. */
    @Transactional(readOnly = true)
    public Optional<Authorization> valid(long denialId, boolean complaint) {
        LocalDate today = LocalDate.now(clock);
        return all(denialId).stream()
                .filter(a -> a.scope().covers(complaint))
                .filter(a -> a.expiresOn() == null || !a.expiresOn().isBefore(today))
                .findFirst();
    }

    /** The denial's unrevoked authorizations, newest first. */
    @Transactional(readOnly = true)
    public List<Authorization> all(long denialId) {
        return jdbc.query("select * from parity_authorization where denial_id = ? and revoked_at is null "
                + "order by signed_on desc, id desc", ROW, denialId);
    }

    private static final RowMapper<Authorization> ROW = (rs, i) -> new Authorization(rs.getLong("id"),
            rs.getLong("denial_id"), rs.getString("signed_by"), rs.getDate("signed_on").toLocalDate(),
            Scope.valueOf(rs.getString("scope")), rs.getString("document"),
            rs.getDate("expires_on") == null ? null : rs.getDate("expires_on").toLocalDate(),
            rs.getString("recorded_by"));
}

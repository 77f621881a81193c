package org.overturn.denial;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.overturn.denial.internal.DenialAdjustments;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hold-harmless: under a network contract the provider may not bill the patient for what the payer denied as a
 * contractual obligation (group CO, or CR under 4010); patient responsibility (PR) stays billable. A manager may
 * override for one denial with a reason (a waiver the patient signed, say), kept with the denial and audited.
 */
@Service
public class HoldHarmless {

    /** Groups that leave the amount to the provider: the patient is held harmless. */
    private static final List<String> CONTRACTUAL = List.of("CO", "CR");

    /** A manager's override: who allowed the patient to be billed, and why. */
    public record Override(String manager, String reason, java.time.Instant grantedAt) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    HoldHarmless(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether the patient is held harmless for the denial: its primary adjustment (the largest non-routine one, the
     * first in the file on a tie, as detection picks it) is contractual.
     */
    @Transactional(readOnly = true)
    public boolean protectsPatient(long denialId) {
        List<String> groups = jdbc.queryForList("""
                select a.group_code from denial d join adjustment a on a.claim_payment_id = d.claim_payment_id
                 where d.id = ? and upper(a.group_code) in ('CO', 'OA', 'PI', 'CR')
                   and upper(a.reason_code) not in (%s)
                 order by a.amount desc, a.id
                """.formatted(String.join(", ", DenialAdjustments.ROUTINE_CARCS.stream().map(c -> "'" + c + "'")
                .toList())), String.class, denialId);
        return !groups.isEmpty() && CONTRACTUAL.contains(groups.get(0).toUpperCase(java.util.Locale.ROOT));
    }

    /** Records that a manager allowed the patient to be billed for this denial, and why. */
    @Transactional
    public void override(long denialId, String manager, String reason) {
        jdbc.update("insert into denial_patient_billing_override (denial_id, manager, reason, granted_at) "
                + "values (?, ?, ?, ?)", denialId, manager, reason, java.sql.Timestamp.from(clock.instant()));
        // the reason stays in the table: free text may name the patient, the audit log must not
        audit.recordWithin(manager, AuditAction.PATIENT_BILLING_OVERRIDE, "denial", String.valueOf(denialId),
                "hold-harmless overridden: the patient may be billed");
    }

    /** The latest override of the denial, if a manager granted one. */
    @Transactional(readOnly = true)
    public Optional<Override> overrideOf(long denialId) {
        return jdbc.query("""
                select manager, reason, granted_at from denial_patient_billing_override
                 where denial_id = ? order by granted_at desc, id desc limit 1""",
                (rs, i) -> new Override(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                denialId).stream().findFirst();
    }
}

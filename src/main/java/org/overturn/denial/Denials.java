package org.overturn.denial;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.overturn.denial.internal.Denial;
import org.overturn.denial.internal.DenialRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads denials and moves them through their states, for the module's callers: the lifecycle's delegates, the task
 * that reopens a waiting denial, the Part 2 sweep. Writes go through this module, never to its table directly.
 */
@Service
public class Denials {

    private final DenialRepository denials;
    private final Clock clock;
    private final jakarta.persistence.EntityManager entityManager;
    private final JdbcTemplate jdbc;

    Denials(DenialRepository denials, Clock clock, jakarta.persistence.EntityManager entityManager, JdbcTemplate jdbc) {
        this.denials = denials;
        this.clock = clock;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /**
     * By primary key through the persistence context: a denial already read in this transaction (a job's parity
     * screen, then the task it creates asks its priority) is not read from the database again. Read-only: no
     * snapshot is kept for dirty checking.
     */
    @Transactional(readOnly = true)
    public Optional<DenialView> find(long id) {
        return Optional.ofNullable(entityManager.find(Denial.class, id,
                java.util.Map.of(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true))).map(Denials::view);
    }

    @Transactional(readOnly = true)
    public java.util.List<DenialView> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? java.util.List.of()
                : denials.findAllForReading(ids).stream().map(Denials::view).toList();
    }

    @Transactional
    public void moveTo(long id, DenialStatus status) {
        load(id).moveTo(status);
    }

    @Transactional
    public void close(long id, DenialStatus status, BigDecimal recoveredAmount) {
        load(id).close(status, recoveredAmount, clock.instant());
    }

    /** Closes with the reason its status alone does not tell; {@code reason} may be null. */
    @Transactional
    public void close(long id, DenialStatus status, BigDecimal recoveredAmount, String reason) {
        load(id).close(status, recoveredAmount, reason, clock.instant());
    }

    /** Why the denial closed as it did, when that was recorded. */
    @Transactional(readOnly = true)
    public Optional<String> closingReason(long id) {
        return denials.findForReading(id).map(Denial::getClosingReason);
    }

    @Transactional
    public void enterAppealLevel(long id, int level) {
        load(id).enterAppealLevel(level);
    }

    /** The new denial is the payer's answer to an earlier one, whose process carries on with it. */
    @Transactional
    public void follow(long newDenialId, long earlierDenialId) {
        load(newDenialId).follow(earlierDenialId, clock.instant());
    }

    /** Someone has work on the denial again: a denial that waited on the payer is open again. */
    @Transactional
    public void reopenIfWaiting(long id) {
        // A denial this transaction already holds (a delegate just changed it, or the file being ingested just
        // registered it) is changed as the entity it is: its pending changes are kept and the session needs no
        // flush. Any other is asked with one UPDATE that mostly finds nothing, cheaper than loading it; plain SQL,
        // as Hibernate translates a JPQL update anew on every call (a sixth of the job executor's time when a
        // file's denials reach their first tasks).
        var session = entityManager.unwrap(org.hibernate.Session.class);
        Denial held = session.getReference(Denial.class, id);
        if (org.hibernate.Hibernate.isInitialized(held)) {
            if (held.getStatus() == DenialStatus.CORRECTION_SUBMITTED || held.getStatus() == DenialStatus.APPEALED) {
                session.setReadOnly(held, false);
                held.moveTo(DenialStatus.OPEN);
            }
            return;
        }
        jdbc.update("update denial set status = 'OPEN' where id = ? and status in ('CORRECTION_SUBMITTED', 'APPEALED')",
                id);
    }

    /**
     * The payment on file of the claim an exact duplicate (OA-18) repeats: same patient control number, payer and
     * charge, paid (CLP04 above 0) as primary, secondary or tertiary, and not reversed since. Empty when there is none.
     */
    @Transactional(readOnly = true)
    public Optional<Long> paidOriginalOf(long denialId) {
        return jdbc.query("""
                select o.id
                  from denial d
                  join remittance_claim_report c on c.id = d.claim_payment_id
                  join remittance_report r on r.id = c.remittance_id
                  join remittance_claim_report o on o.patient_control_number = c.patient_control_number
                                                and o.id <> c.id and o.charge = c.charge
                  join remittance_report orr on orr.id = o.remittance_id
                 where d.id = ?
                   and o.paid > 0 and o.status in ('1', '2', '3', '19', '20', '21')
                   and (orr.payer_id = r.payer_id or orr.payer_id is null and orr.payer_name = r.payer_name)
                   and not exists (select 1 from remittance_claim_report v where v.reverses_id = o.id)
                 order by o.id
                 limit 1
                """, (rs, i) -> rs.getLong(1), denialId).stream().findFirst();
    }

    /**
     * The denial's open work now waits in this queue (a task of its lifecycle was created there). One UPDATE that
     * changes nothing when the queue is the same; a denial this transaction holds is changed as the entity it is.
     */
    @Transactional
    public void reportQueue(long id, String queue) {
        var session = entityManager.unwrap(org.hibernate.Session.class);
        Denial held = session.getReference(Denial.class, id);
        if (org.hibernate.Hibernate.isInitialized(held)) {
            if (!queue.equals(held.getQueue())) {
                session.setReadOnly(held, false);
                held.moveToQueue(queue);
            }
            return;
        }
        jdbc.update("update denial set queue = ? where id = ? and queue is distinct from ?", queue, id, queue);
    }

    /** For changing: writable even when this transaction read it before with {@link #find}. */
    private Denial load(long id) {
        Denial denial = denials.findById(id).orElseThrow(() -> new IllegalArgumentException("no denial " + id));
        entityManager.unwrap(org.hibernate.Session.class).setReadOnly(denial, false);
        return denial;
    }

    static DenialView view(Denial d) {
        return new DenialView(d.getId(), d.getClaimPaymentId(), d.getPatientControlNumber(), d.getPayerId(),
                d.getPayerName(), d.getKind(), d.getPrimaryReason(), d.getRootCause(), d.getQueue(),
                d.isCorrectable(), d.isAppealable(), d.getExplanation(), d.getAmountAtRisk(), d.getStatus(),
                d.isPart2(), d.getRemittanceDate(), d.getDetectedAt(), d.getPlanType(), d.getAppealDueDate(),
                d.getPriority(), d.getAppealLevel(), d.getRecoveredAmount(), d.getClosedAt(),
                d.getFollowsDenialId(), d.getPath());
    }
}

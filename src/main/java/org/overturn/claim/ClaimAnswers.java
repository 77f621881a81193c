package org.overturn.claim;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The join of 835 claim payments to the billed claims they answer ({@link ClaimMatcher} decides which one). Made
 * when the 835 arrives after its claim, or when the claim arrives after the 835; made once per claim payment.
 */
@Service
public class ClaimAnswers {

    private final JdbcTemplate jdbc;
    private final ClaimStore store;
    private final Clock clock;

    ClaimAnswers(JdbcTemplate jdbc, ClaimStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** A claim payment joined to its claim. */
    public record Joined(long claimPaymentId, StoredClaim claim) {
    }

    /**
     * Joins a stored 835's claim payments to their claims in one pass: one query for the candidates of every CLM01,
     * one batch of inserts. Answers the billed claim id per joined claim payment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Long> joinAll(List<AnsweredClaim> answered) {
        Map<Long, Long> joined = new HashMap<>();
        String[] controlNumbers = answered.stream().map(AnsweredClaim::patientControlNumber)
                .filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (controlNumbers.length == 0) {
            return joined;
        }
        Map<String, List<ClaimMatcher.Candidate>> candidates = store.withControlNumbers(controlNumbers);
        if (candidates.isEmpty()) {
            return joined;
        }
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (AnsweredClaim claim : answered) {
            List<ClaimMatcher.Candidate> same = candidates.get(claim.patientControlNumber());
            if (same == null) {
                continue;
            }
            ClaimMatcher.match(claim, same).ifPresent(m -> {
                joined.put(claim.claimPaymentId(), m.billedClaimId());
                rows.add(new Object[] {claim.claimPaymentId(), m.billedClaimId(), m.reason(), now});
            });
        }
        jdbc.batchUpdate("""
                insert into claim_answer (claim_payment_id, billed_claim_id, matched_by, matched_at)
                values (?, ?, ?, ?) on conflict (claim_payment_id) do nothing
                """, rows);
        return joined;
    }

    /** The claim payments answering claims billed or rendered by this provider (claim or line level). */
    @Transactional(readOnly = true)
    public List<Long> paymentsOfClaimsBy(String npi) {
        return jdbc.queryForList("""
                select a.claim_payment_id from claim_answer a join billed_claim b on b.id = a.billed_claim_id
                 where b.billing_npi = ? or b.rendering_npi = ?
                    or exists (select 1 from billed_line l where l.billed_claim_id = b.id and l.rendering_npi = ?)
                """, Long.class, npi, npi, npi);
    }

    /** The claim a claim payment answers, when one is on file. */
    @Transactional(readOnly = true)
    public Optional<StoredClaim> claimFor(long claimPaymentId) {
        return jdbc.query("select billed_claim_id, matched_by from claim_answer where claim_payment_id = ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, claimPaymentId).stream().findFirst()
                .flatMap(row -> store.find((Long) row[0]).map(c -> c.matchedBy((String) row[1])));
    }

    /**
     * Joins claim payments that came in before their claim: for each newly stored claim, the 835 claim payments with
     * its CLM01 that answer no claim yet. Read through the remittance module's declared views.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Joined> joinWaiting(Collection<Long> billedClaimIds) {
        List<Joined> joined = new ArrayList<>();
        if (billedClaimIds.isEmpty()) {
            return joined;
        }
        List<AnsweredClaim> waiting = jdbc.query("""
                select cp.id, cp.patient_control_number, r.payer_id, r.payer_name, cp.charge,
                       coalesce(cp.statement_from, (select min(s.service_date) from remittance_line_report s
                                                     where s.claim_payment_id = cp.id)),
                       coalesce(cp.statement_to, (select max(coalesce(s.service_date_to, s.service_date))
                                                   from remittance_line_report s where s.claim_payment_id = cp.id)),
                       coalesce(r.payment_date, r.production_date), cp.payer_claim_control_number
                  from remittance_claim_report cp
                  join remittance_report r on r.id = cp.remittance_id
                 where cp.patient_control_number in (select patient_control_number from billed_claim
                                                      where id = any(?))
                   and not exists (select 1 from claim_answer a where a.claim_payment_id = cp.id)
                 order by cp.id
                """, (rs, i) -> new AnsweredClaim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), toLocalDate(rs.getDate(6)), toLocalDate(rs.getDate(7)),
                        toLocalDate(rs.getDate(8)), rs.getString(9)),
                (Object) billedClaimIds.toArray(Long[]::new));
        // one candidate query and one batch of inserts for all of them, as for an 835's claims
        joinAll(waiting).forEach((claimPaymentId, billedClaimId) -> claimFor(claimPaymentId)
                .ifPresent(c -> joined.add(new Joined(claimPaymentId, c))));
        joined.sort(java.util.Comparator.comparingLong(Joined::claimPaymentId));
        return joined;
    }

    private static LocalDate toLocalDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}

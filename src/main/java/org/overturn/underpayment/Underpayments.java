package org.overturn.underpayment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overturn.denial.ClaimPaymentStored;
import org.overturn.denial.ClaimPaymentsStored;
import org.overturn.payer.PracticeContracts;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.remittance.ClaimRecords;
import org.overturn.security.AccessRefused;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.PracticeAccess;
import org.overturn.security.SqlCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The underpayments register: compares each paid line of a stored 835 with the contracted rate of the remittance's
 * practice ({@link ContractComparison}), records each line below it, lists them for disputing (scoped by practice)
 * and records how each dispute ends.
 */
@Service
public class Underpayments {

    /** The queue that disputes payments with payers (DESIGN section 3, work queues). */
    static final String QUEUE = "appeals";

    private static final Logger log = LoggerFactory.getLogger(Underpayments.class);

    private final JdbcTemplate jdbc;
    private final ClaimRecords claims;
    private final PracticeContracts contracts;
    private final PracticeAccess access;
    private final Practices practices;
    private final Clock clock;

    Underpayments(JdbcTemplate jdbc, ClaimRecords claims, PracticeContracts contracts, PracticeAccess access,
                  Practices practices, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.contracts = contracts;
        this.access = access;
        this.practices = practices;
        this.clock = clock;
    }

    /**
     * Synchronous, in the storing transaction: a file's underpayments are on file with it or not at all. Nothing is
     * read line by line unless the practice's contract with the payer names rates.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ClaimPaymentsStored stored) {
        if (stored.payments().isEmpty()) {
            return;
        }
        String payerId = stored.payments().get(0).payerId();
        Long practice = jdbc.queryForObject("select practice_id from remittance_report where id = ?", Long.class,
                stored.remittanceId());
        if (practice == null || !contracts.hasRates(practice, payerId)) {
            return;
        }
        int found = 0;
        for (ClaimPaymentStored payment : stored.payments()) {
            if ("22".equals(payment.status()) || payment.paid() == null || payment.paid().signum() <= 0) {
                continue; // a reversal takes a payment back; an unpaid claim is a denial
            }
            var claim = claims.find(payment.claimPaymentId()).orElseThrow();
            for (ClaimRecords.LineRecord line : claim.lines()) {
                LocalDate served = line.serviceDate() != null ? line.serviceDate() : claim.firstServiceDate();
                var rate = contracts.rateOn(practice, payerId, line.procedure(), line.modifiers(), served);
                var shortfall = rate.flatMap(r -> ContractComparison.compare(line, r));
                if (shortfall.isPresent()) {
                    record(claim, line, served, practice, shortfall.get());
                    found++;
                }
            }
        }
        if (found > 0) {
            // ids and a count only: the lines name patients' services
            log.info("Remittance #{}: {} line(s) paid below the contract of practice #{}", stored.remittanceId(),
                    found, practice);
        }
    }

    private void record(ClaimRecords.ClaimRecord claim, ClaimRecords.LineRecord line, LocalDate served,
                        long practice, ContractComparison.Shortfall s) {
        String modifier = line.modifiers().isEmpty() ? null : line.modifiers().get(0);
        jdbc.update("""
                insert into underpayment (service_line_id, claim_payment_id, remittance_id, practice_id, payer_id,
                    payer_name, patient_control_number, procedure_code, modifier, service_date, units,
                    contracted_amount, allowed_amount, paid_amount, patient_share, underpaid_amount, explanation, part2,
                    status, detected_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, c.part2, 'OPEN', ?
                  from remittance_claim_report c where c.id = ?
                on conflict (service_line_id) do nothing""", line.id(), claim.id(), claim.remittanceId(), practice,
                claim.payerId(), claim.payerName(), claim.patientControlNumber(), line.procedure(),
                modifier != null && modifier.length() <= 2 ? modifier : null, served, s.units(), s.contracted(),
                s.allowed(), s.paid(), s.patientShare(), s.underpaid(), s.explanation(),
                Timestamp.from(clock.instant()), claim.id());
    }

    /** The underpayments of the user's practices (of one when given), newest first, of a status when given. */
    @Transactional(readOnly = true)
    public List<Underpayment> list(CurrentUser user, UnderpaymentStatus status, Long practiceId, int limit) {
        SqlCondition scope = access.condition(user, "u.practice_id");
        List<Object> args = new ArrayList<>();
        args.add(status == null ? null : status.name());
        args.add(status == null ? null : status.name());
        args.add(practiceId);
        args.add(practiceId);
        args.addAll(scope.args());
        args.add(limit);
        Map<Long, PracticeRef> refs = practices.refs();
        return jdbc.query("select * from underpayment u where (?::varchar is null or u.status = ?)"
                + " and (?::bigint is null or u.practice_id = ?)" + scope.sql()
                + " order by u.detected_at desc, u.id desc limit ?", (rs, i) -> row(rs, refs, user), args.toArray());
    }

    @Transactional(readOnly = true)
    public Optional<Underpayment> find(long id, CurrentUser user) {
        var found = jdbc.query("select * from underpayment u where id = ?", (rs, i) -> row(rs, practices.refs(),
                user), id).stream().findFirst();
        found.ifPresent(u -> access.require(user, u.practice().id(), "underpayment", id));
        return found;
    }

    /**
     * Records where the dispute stands: users of the appeals queue, managers and admins, on an underpayment of a
     * practice of theirs; a closed one (recovered or accepted) stays closed.
     */
    @Transactional
    public Underpayment move(long id, UnderpaymentStatus to, CurrentUser user) {
        if (!user.canWork(QUEUE) && !user.isManagerOrAdmin()) {
            throw new AccessRefused("underpayment", id, "Underpayments are disputed by the appeals queue");
        }
        Underpayment u = find(id, user).orElseThrow(() -> new NotOnFile(id));
        if (u.status().closed() || to == UnderpaymentStatus.OPEN) {
            throw new IllegalStateException("Underpayment " + id + " is " + u.status().name().toLowerCase()
                    + ": it cannot become " + to.name().toLowerCase());
        }
        jdbc.update("update underpayment set status = ?, resolved_at = ?, resolved_by = ? where id = ?", to.name(),
                to.closed() ? Timestamp.from(clock.instant()) : null, to.closed() ? user.id() : null, id);
        return find(id, user).orElseThrow();
    }

    private static Underpayment row(java.sql.ResultSet rs, Map<Long, PracticeRef> refs, CurrentUser user)
            throws java.sql.SQLException {
        long practice = rs.getLong("practice_id");
        boolean part2 = rs.getBoolean("part2");
        // a substance-use claim's number, service and date say who was treated for what: its money only
        boolean hidden = part2 && !user.seesPart2();
        return new Underpayment(rs.getLong("id"), refs.getOrDefault(practice, new PracticeRef(practice, null)),
                rs.getString("payer_id"), rs.getString("payer_name"),
                hidden ? DenialAccess.RESTRICTED : rs.getString("patient_control_number"),
                rs.getLong("claim_payment_id"), rs.getLong("remittance_id"),
                hidden ? null : rs.getString("procedure_code"), hidden ? null : rs.getString("modifier"),
                hidden ? null : rs.getObject("service_date", LocalDate.class), rs.getBigDecimal("units"),
                rs.getBigDecimal("contracted_amount"), rs.getBigDecimal("allowed_amount"),
                rs.getBigDecimal("paid_amount"), rs.getBigDecimal("patient_share"),
                rs.getBigDecimal("underpaid_amount"), rs.getString("explanation"),
                UnderpaymentStatus.valueOf(rs.getString("status")), rs.getTimestamp("detected_at").toInstant(), part2);
    }

    /** No underpayment with this id. */
    public static class NotOnFile extends RuntimeException {
        NotOnFile(long id) {
            super("No underpayment " + id + " is on file");
        }
    }
}

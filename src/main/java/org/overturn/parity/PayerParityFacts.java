package org.overturn.parity;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The parity facts of each payer, entered by a parity specialist or a manager; unknown until then. */
@Service
public class PayerParityFacts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PayerParityFacts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ParityFacts of(String payerId) {
        if (payerId == null) {
            return ParityFacts.unknown(null);
        }
        return jdbc.query("""
                select pa_for_medical_outpatient, concurrent_review_for_medical, visit_limits_for_medical, funding,
                       state from payer_parity_facts where payer_id = ?
                """, (rs, i) -> new ParityFacts(payerId, ParityFacts.Answer.valueOf(rs.getString(1)),
                ParityFacts.Answer.valueOf(rs.getString(2)), ParityFacts.Answer.valueOf(rs.getString(3)),
                ParityFacts.Funding.valueOf(rs.getString(4)), rs.getString(5)), payerId)
                .stream().findFirst().orElse(ParityFacts.unknown(payerId));
    }

    /** Saves the payer's facts; the payer must be in the directory. */
    @Transactional
    public ParityFacts save(ParityFacts facts, String user) {
        if (facts.state() != null && !facts.state().matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("state: two capital letters, e.g. NY");
        }
        jdbc.update("""
                insert into payer_parity_facts (payer_id, pa_for_medical_outpatient, concurrent_review_for_medical,
                                                visit_limits_for_medical, funding, state, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (payer_id) do update set pa_for_medical_outpatient = excluded.pa_for_medical_outpatient,
                    concurrent_review_for_medical = excluded.concurrent_review_for_medical,
                    visit_limits_for_medical = excluded.visit_limits_for_medical, funding = excluded.funding,
                    state = excluded.state, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, facts.payerId(), facts.paForMedicalOutpatient().name(), facts.concurrentReviewForMedical().name(),
                facts.visitLimitsForMedical().name(), facts.funding().name(), facts.state(), user,
                Timestamp.from(clock.instant()));
        return of(facts.payerId());
    }
}

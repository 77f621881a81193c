package org.overturn.parity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

    /**
     * The payer's facts; unknown when none were entered. One statement when the payer has no medical/surgical cost
     * sharing on file, as most have none: the parity screen asks this of every appealable denial.
     */
    @Transactional(readOnly = true)
    public ParityFacts of(String payerId) {
        if (payerId == null) {
            return ParityFacts.unknown(null);
        }
        record Row(ParityFacts facts, boolean hasFinancial) {
        }
        Row row = jdbc.queryForObject("""
                select f.payer_id, f.pa_for_medical_outpatient, f.concurrent_review_for_medical,
                       f.visit_limits_for_medical, f.funding, f.state, f.small_employer, f.government_opt_out,
                       f.step_therapy_for_medical, f.telehealth_limits_for_medical, f.review_days_behavioral,
                       f.review_days_medical, f.rate_percent_behavioral, f.rate_percent_medical,
                       exists (select 1 from payer_parity_financial x where x.payer_id = p.payer_id) as has_financial
                  from (select cast(? as varchar) as payer_id) p
                  left join payer_parity_facts f on f.payer_id = p.payer_id
                """, (rs, i) -> new Row(rs.getString(1) == null ? ParityFacts.unknown(payerId)
                : new ParityFacts(payerId, answer(rs.getString(2)), answer(rs.getString(3)), answer(rs.getString(4)),
                ParityFacts.Funding.valueOf(rs.getString(5)), rs.getString(6), answer(rs.getString(7)),
                answer(rs.getString(8)), answer(rs.getString(9)), answer(rs.getString(10)),
                (Integer) rs.getObject(11), (Integer) rs.getObject(12), (Integer) rs.getObject(13),
                (Integer) rs.getObject(14), List.of()), rs.getBoolean("has_financial")), payerId);
        if (!row.hasFinancial()) {
            return row.facts();
        }
        List<ParityFacts.FinancialRequirement> financial = jdbc.query("""
                select classification, copay, coinsurance_percent, source from payer_parity_financial
                 where payer_id = ? order by classification""", (rs, i) -> new ParityFacts.FinancialRequirement(
                Classification.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)),
                payerId);
        return withFinancial(row.facts(), financial);
    }

    /** Saves the payer's facts, its medical/surgical cost sharing included; the payer must be in the directory. */
    @Transactional
    public ParityFacts save(ParityFacts facts, String user) {
        if (facts.state() != null && !facts.state().matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("state: two capital letters, e.g. NY");
        }
        for (var f : facts.financial()) {
            if (f.classification() == null || f.source() == null || f.source().isBlank()) {
                throw new IllegalArgumentException("financial: each row needs its classification and its source "
                        + "(the plan document that states it)");
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into payer_parity_facts (payer_id, pa_for_medical_outpatient, concurrent_review_for_medical,
                                                visit_limits_for_medical, funding, state, small_employer,
                                                government_opt_out, step_therapy_for_medical,
                                                telehealth_limits_for_medical, review_days_behavioral,
                                                review_days_medical, rate_percent_behavioral, rate_percent_medical,
                                                updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (payer_id) do update set pa_for_medical_outpatient = excluded.pa_for_medical_outpatient,
                    concurrent_review_for_medical = excluded.concurrent_review_for_medical,
                    visit_limits_for_medical = excluded.visit_limits_for_medical, funding = excluded.funding,
                    state = excluded.state, small_employer = excluded.small_employer,
                    government_opt_out = excluded.government_opt_out,
                    step_therapy_for_medical = excluded.step_therapy_for_medical,
                    telehealth_limits_for_medical = excluded.telehealth_limits_for_medical,
                    review_days_behavioral = excluded.review_days_behavioral,
                    review_days_medical = excluded.review_days_medical,
                    rate_percent_behavioral = excluded.rate_percent_behavioral,
                    rate_percent_medical = excluded.rate_percent_medical,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, facts.payerId(), facts.paForMedicalOutpatient().name(), facts.concurrentReviewForMedical().name(),
                facts.visitLimitsForMedical().name(), facts.funding().name(), facts.state(),
                facts.smallEmployer().name(), facts.governmentOptOut().name(), facts.stepTherapyForMedical().name(),
                facts.telehealthLimitsForMedical().name(), facts.reviewDaysBehavioral(), facts.reviewDaysMedical(),
                facts.ratePercentBehavioral(), facts.ratePercentMedical(), user, now);
        jdbc.update("delete from payer_parity_financial where payer_id = ?", facts.payerId());
        for (var f : facts.financial()) {
            jdbc.update("""
                    insert into payer_parity_financial (payer_id, classification, copay, coinsurance_percent, source,
                                                        updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)""",
                    facts.payerId(), f.classification().name(), f.copay(), f.coinsurancePercent(), f.source(), user,
                    now);
        }
        return of(facts.payerId());
    }

    private static ParityFacts withFinancial(ParityFacts f, List<ParityFacts.FinancialRequirement> financial) {
        return new ParityFacts(f.payerId(), f.paForMedicalOutpatient(), f.concurrentReviewForMedical(),
                f.visitLimitsForMedical(), f.funding(), f.state(), f.smallEmployer(), f.governmentOptOut(),
                f.stepTherapyForMedical(), f.telehealthLimitsForMedical(), f.reviewDaysBehavioral(),
                f.reviewDaysMedical(), f.ratePercentBehavioral(), f.ratePercentMedical(), financial);
    }

    private static ParityFacts.Answer answer(String value) {
        return ParityFacts.Answer.valueOf(value);
    }
}

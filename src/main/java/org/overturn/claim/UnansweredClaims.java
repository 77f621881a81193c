package org.overturn.claim;

import java.time.LocalDate;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims on file the payer took in (an accepted 277CA or 999, and no 277CA rejection) that no 835 has answered:
 * neither this submission nor an earlier or later one of the same claim (CLM01 and payer).
 */
@Service
public class UnansweredClaims {

    /**
     * @param payerClaimControlNumber the payer's number from the 277CA acceptance, or null
     */
    public record Unanswered(long billedClaimId, String payerId, String payerName, String patientControlNumber,
                             LocalDate submittedOn, String payerClaimControlNumber) {
    }

    private final JdbcTemplate jdbc;

    UnansweredClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest submission of each unanswered claim sent at least {@code daysFor(payerId)} days before
     * {@code today}, oldest first.
     */
    @Transactional(readOnly = true)
    public List<Unanswered> asOf(LocalDate today, ToIntFunction<String> daysFor) {
        return jdbc.query("""
                select b.id, b.payer_id, b.payer_name, b.patient_control_number, b.submitted_on,
                       (select a.payer_claim_control_number from claim_acknowledgement a
                         where a.billed_claim_id = b.id and a.kind = '277CA' and a.accepted
                         order by a.status_date nulls last, a.id limit 1)
                  from billed_claim b
                 where b.submitted_on is not null
                   and exists (select 1 from claim_acknowledgement a where a.billed_claim_id = b.id and a.accepted)
                   and not exists (select 1 from claim_acknowledgement a
                                    where a.billed_claim_id = b.id and a.kind = '277CA' and not a.accepted)
                   and not exists (select 1 from billed_claim o
                                    where o.patient_control_number = b.patient_control_number
                                      and o.payer_id is not distinct from b.payer_id and o.id > b.id)
                   and not exists (select 1 from billed_claim o join claim_answer ca on ca.billed_claim_id = o.id
                                    where o.patient_control_number = b.patient_control_number
                                      and o.payer_id is not distinct from b.payer_id)
                 order by b.submitted_on, b.id
                """, (rs, i) -> new Unanswered(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6)))
                .stream().filter(u -> !u.submittedOn().plusDays(daysFor.applyAsInt(u.payerId())).isAfter(today))
                .toList();
    }
}

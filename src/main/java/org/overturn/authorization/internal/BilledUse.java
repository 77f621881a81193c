package org.overturn.authorization.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The billed lines that carry an authorization number, from the claim module's declared views: each claim in its
 * latest submission (a replacement replaces, a void removes), with whether an 835 on file paid the line.
 */
@Repository
public class BilledUse {

    /**
     * One billed line under an authorization number.
     *
     * @param number the line's REF*G1, else its claim's
     * @param answered an 835 on file answers the claim
     * @param paid     an 835 answering the claim paid a line of the same code and date
     * @param practiceId the practice that billed the claim: only its own authorizations can cover the line
     */
    public record Line(String patientControlNumber, String memberId, String number, String procedure,
                       String revenueCode, BigDecimal units, LocalDate serviceDate, boolean answered, boolean paid,
                       long practiceId) {

        /** The payer denied the line: it used nothing of the authorization. */
        public boolean denied() {
            return answered && !paid;
        }
    }

    private final JdbcTemplate jdbc;

    BilledUse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Line> ofMembers(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    with latest as (
                        select distinct on (c.patient_control_number, coalesce(c.payer_id, c.payer_name, ''))
                               c.id, c.patient_control_number, c.member_id, c.frequency, c.prior_authorization,
                               c.practice_id
                          from claim_billed_claim_report c
                         where c.member_id = any (?)
                         order by c.patient_control_number, coalesce(c.payer_id, c.payer_name, ''),
                                  c.submitted_on desc nulls last, c.id desc)
                    select c.patient_control_number, c.member_id,
                           coalesce(l.prior_authorization, c.prior_authorization) as number,
                           l.procedure_code, l.revenue_code, l.units, l.service_date,
                           exists (select 1 from claim_answer_report a where a.billed_claim_id = c.id) as answered,
                           exists (select 1 from claim_answer_report a
                                     join remittance_line_report s on s.claim_payment_id = a.claim_payment_id
                                    where a.billed_claim_id = c.id and s.paid > 0
                                      and (s.procedure_code in (l.procedure_code, l.revenue_code)
                                           or s.revenue_code = l.revenue_code)
                                      and (s.service_date = l.service_date or s.service_date is null)) as paid,
                           c.practice_id
                      from latest c join claim_billed_line_report l on l.billed_claim_id = c.id
                     where coalesce(c.frequency, '1') <> '8'
                       and coalesce(l.prior_authorization, c.prior_authorization) is not null
                    """);
            Array members = con.createArrayOf("varchar", memberIds.toArray());
            statement.setArray(1, members);
            return statement;
        }, (rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getString(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getBoolean(8), rs.getBoolean(9),
                rs.getLong(10)));
    }

    /** A line of a claim on file (its latest submission, not voided), with its payer and the practice that billed it. */
    public record ClaimLine(String patientControlNumber, String payerId, String payerName, String memberId,
                            String number, String procedure, String revenueCode, LocalDate serviceDate,
                            long practiceId) {
    }

    /** The lines of the claims on file of these payers with a date of service on or after {@code since}. */
    public List<ClaimLine> claimsOfPayers(Collection<String> payerIds, LocalDate since) {
        if (payerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    with latest as (
                        select distinct on (c.patient_control_number, c.payer_id)
                               c.id, c.patient_control_number, c.payer_id, c.payer_name, c.member_id, c.frequency,
                               c.prior_authorization, c.practice_id
                          from claim_billed_claim_report c
                         where c.payer_id = any (?)
                         order by c.patient_control_number, c.payer_id, c.submitted_on desc nulls last, c.id desc)
                    select c.patient_control_number, c.payer_id, c.payer_name, c.member_id,
                           coalesce(l.prior_authorization, c.prior_authorization), l.procedure_code, l.revenue_code,
                           l.service_date, c.practice_id
                      from latest c join claim_billed_line_report l on l.billed_claim_id = c.id
                     where coalesce(c.frequency, '1') <> '8' and l.service_date >= ?
                     order by c.patient_control_number, l.service_date
                    """);
            statement.setArray(1, con.createArrayOf("varchar", payerIds.toArray()));
            statement.setObject(2, since);
            return statement;
        }, (rs, n) -> new ClaimLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5) == null ? null : rs.getString(5).strip(), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getLong(9)));
    }
}

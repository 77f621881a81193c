package org.overturn.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One stored claim payment as a page shows it: the remittance it came in, its amounts and dates, its service
 * lines with procedure codes and modifiers, and every adjustment and remark code at claim and line level.
 * Four small queries, no entities.
 */
@Service
public class ClaimRecords {

    public record ClaimRecord(long id, long remittanceId, String payerName, String payerId, LocalDate paymentDate,
                              String traceNumber, String patientControlNumber, String status, BigDecimal charge,
                              BigDecimal paid, BigDecimal patientResponsibility, String filingIndicator,
                              String payerClaimControlNumber, String renderingProviderNpi, LocalDate statementFrom,
                              LocalDate statementTo, List<AdjustmentRecord> adjustments, List<String> remarks,
                              List<LineRecord> lines, String patientLastName, String patientFirstName,
                              String memberId, String payeeName, String payeeId) {

        /** "First Last" as a letter addresses the patient; null when the 835 named nobody. */
        public String patientName() {
            String name = ((patientFirstName == null ? "" : patientFirstName) + " "
                    + (patientLastName == null ? "" : patientLastName)).trim();
            return name.isEmpty() ? null : name;
        }

        /** The first and last date of service: the claim's statement period, else its lines' dates. */
        public LocalDate firstServiceDate() {
            return statementFrom != null ? statementFrom : lines.stream().map(LineRecord::serviceDate)
                    .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null);
        }

        public LocalDate lastServiceDate() {
            if (statementTo != null) {
                return statementTo;
            }
            return lines.stream().map(l -> l.serviceDateTo() != null ? l.serviceDateTo() : l.serviceDate())
                    .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(firstServiceDate());
        }
    }

    /** {@code underpayment}: how far the line was paid below the practice's contract, in words; null when it was not. */
    public record LineRecord(long id, int position, String procedure, List<String> modifiers, String revenueCode,
                             BigDecimal charge, BigDecimal paid, BigDecimal allowed, BigDecimal units,
                             LocalDate serviceDate, LocalDate serviceDateTo, List<AdjustmentRecord> adjustments,
                             List<String> remarks, String underpayment) {

        public LineRecord(long id, int position, String procedure, List<String> modifiers, String revenueCode,
                          BigDecimal charge, BigDecimal paid, BigDecimal allowed, BigDecimal units,
                          LocalDate serviceDate, LocalDate serviceDateTo, List<AdjustmentRecord> adjustments,
                          List<String> remarks) {
            this(id, position, procedure, modifiers, revenueCode, charge, paid, allowed, units, serviceDate,
                    serviceDateTo, adjustments, remarks, null);
        }
    }

    public record AdjustmentRecord(String group, String reason, BigDecimal amount, BigDecimal quantity) {
    }

    private final JdbcTemplate jdbc;

    ClaimRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    /** The practice of the remittance a stored claim payment came in: the practice its denial belongs to. */
    public long practiceOf(long claimPaymentId) {
        Long practice = jdbc.queryForObject(
                "select r.practice_id from claim_payment c join remittance r on r.id = c.remittance_id where c.id = ?",
                Long.class, claimPaymentId);
        return practice;
    }

    public Optional<ClaimRecord> find(long claimPaymentId) {
        Map<Long, List<AdjustmentRecord>> lineAdjustments = new LinkedHashMap<>();
        List<AdjustmentRecord> claimAdjustments = new ArrayList<>();
        jdbc.query("select service_line_id, group_code, reason_code, amount, quantity from adjustment "
                + "where claim_payment_id = ? order by id", row -> {
            var adjustment = new AdjustmentRecord(row.getString(2), row.getString(3), row.getBigDecimal(4),
                    row.getBigDecimal(5));
            long line = row.getLong(1);
            if (row.wasNull()) {
                claimAdjustments.add(adjustment);
            } else {
                lineAdjustments.computeIfAbsent(line, k -> new ArrayList<>()).add(adjustment);
            }
        }, claimPaymentId);
        Map<Long, List<String>> lineRemarks = new LinkedHashMap<>();
        List<String> claimRemarks = new ArrayList<>();
        jdbc.query("select service_line_id, code from remark where claim_payment_id = ? order by id", row -> {
            long line = row.getLong(1);
            if (row.wasNull()) {
                claimRemarks.add(row.getString(2));
            } else {
                lineRemarks.computeIfAbsent(line, k -> new ArrayList<>()).add(row.getString(2));
            }
        }, claimPaymentId);
        List<LineRecord> lines = jdbc.query("""
                select id, position, procedure_code, modifiers, revenue_code, charge, paid, allowed, units,
                       service_date, service_date_to,
                       (select u.explanation from underpayment_report u where u.service_line_id = service_line.id)
                           as underpayment
                  from service_line where claim_payment_id = ? order by position
                """, (rs, i) -> {
            long id = rs.getLong("id");
            String modifiers = rs.getString("modifiers");
            return new LineRecord(id, rs.getInt("position"), rs.getString("procedure_code"),
                    modifiers == null || modifiers.isBlank() ? List.of() : List.of(modifiers.split(":")),
                    rs.getString("revenue_code"), rs.getBigDecimal("charge"), rs.getBigDecimal("paid"),
                    rs.getBigDecimal("allowed"), rs.getBigDecimal("units"), localDate(rs.getDate("service_date")),
                    localDate(rs.getDate("service_date_to")), lineAdjustments.getOrDefault(id, List.of()),
                    lineRemarks.getOrDefault(id, List.of()), rs.getString("underpayment"));
        }, claimPaymentId);
        List<ClaimRecord> claims = jdbc.query("""
                select c.id, c.remittance_id, r.payer_name, r.payer_id, r.payment_date, r.trace_number,
                       c.patient_control_number, c.status, c.charge, c.paid, c.patient_responsibility,
                       c.filing_indicator, c.payer_claim_control_number, c.rendering_provider_npi,
                       c.statement_from, c.statement_to, c.patient_last_name, c.patient_first_name,
                       c.member_id, r.payee_name, r.payee_id
                  from claim_payment c join remittance r on r.id = c.remittance_id
                 where c.id = ?
                """, (rs, i) -> new ClaimRecord(rs.getLong("id"), rs.getLong("remittance_id"),
                rs.getString("payer_name"), rs.getString("payer_id"), localDate(rs.getDate("payment_date")),
                rs.getString("trace_number"), rs.getString("patient_control_number"), rs.getString("status"),
                rs.getBigDecimal("charge"), rs.getBigDecimal("paid"), rs.getBigDecimal("patient_responsibility"),
                rs.getString("filing_indicator"), rs.getString("payer_claim_control_number"),
                rs.getString("rendering_provider_npi"), localDate(rs.getDate("statement_from")),
                localDate(rs.getDate("statement_to")), claimAdjustments, claimRemarks, lines,
                rs.getString("patient_last_name"), rs.getString("patient_first_name"), rs.getString("member_id"),
                rs.getString("payee_name"), rs.getString("payee_id")), claimPaymentId);
        return claims.stream().findFirst();
    }

    private static LocalDate localDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** What a denial's registration reads of its stored claim payment: the practice, and the Part 2 flag as stored. */
    public record Ownership(long practiceId, boolean part2) {
    }

    /**
     * {@link #practiceOf} and the stored Part 2 flag of every claim payment in the same remittance as this one, in one
     * query: a file's denials are registered claim after claim of each remittance, and one read for each cost two
     * round trips per denial.
     */
    public Map<Long, Ownership> ownershipInRemittanceOf(long claimPaymentId) {
        Map<Long, Ownership> owned = new HashMap<>();
        jdbc.query("""
                select c.id, r.practice_id, c.part2
                  from claim_payment c join remittance r on r.id = c.remittance_id
                 where c.remittance_id = (select remittance_id from claim_payment where id = ?)
                """, row -> {
            owned.put(row.getLong(1), new Ownership(row.getLong(2), row.getBoolean(3)));
        }, claimPaymentId);
        return owned;
    }

    /**
     * Records that a stored claim is not a denial although it looks like one (the denial module's
     * {@code NotADenial}: CAPITATED, ROUTINE_ADJUSTMENTS or PREDETERMINATION), so its remittance shows it and the
     * dashboard counts it apart.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void countApart(long claimPaymentId, String notADenial) {
        jdbc.update("update claim_payment set not_a_denial = ? where id = ?", notADenial, claimPaymentId);
    }
}

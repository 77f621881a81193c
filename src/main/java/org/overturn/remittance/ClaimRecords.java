package org.overturn.remittance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * One query, no entities.
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

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The claim payment with its lines, adjustments and remarks, in one statement: the parity screen asks this of
     * every appealable denial (36,000 a run of a million claims, issue 20), and four round trips a claim were a tenth
     * of the job executor's statements. The children come as JSON arrays of positional values, amounts as text so
     * that they keep their scale as {@code getBigDecimal} would.
     */
    public Optional<ClaimRecord> find(long claimPaymentId) {
        return jdbc.query("""
                select c.id, c.remittance_id, r.payer_name, r.payer_id, r.payment_date, r.trace_number,
                       c.patient_control_number, c.status, c.charge, c.paid, c.patient_responsibility,
                       c.filing_indicator, c.payer_claim_control_number, c.rendering_provider_npi,
                       c.statement_from, c.statement_to, c.patient_last_name, c.patient_first_name,
                       c.member_id, r.payee_name, r.payee_id,
                       (select json_agg(json_build_array(a.service_line_id, a.group_code, a.reason_code,
                                                         a.amount::text, a.quantity::text) order by a.id)
                          from adjustment a where a.claim_payment_id = c.id) as adjustments,
                       (select json_agg(json_build_array(m.service_line_id, m.code) order by m.id)
                          from remark m where m.claim_payment_id = c.id) as remarks,
                       (select json_agg(json_build_array(s.id, s.position, s.procedure_code, s.modifiers,
                                                         s.revenue_code, s.charge::text, s.paid::text,
                                                         s.allowed::text, s.units::text, s.service_date,
                                                         s.service_date_to,
                                                         (select u.explanation from underpayment_report u
                                                           where u.service_line_id = s.id)) order by s.position)
                          from service_line s where s.claim_payment_id = c.id) as lines
                  from claim_payment c join remittance r on r.id = c.remittance_id
                 where c.id = ?
                """, (rs, i) -> {
            Map<Long, List<AdjustmentRecord>> lineAdjustments = new LinkedHashMap<>();
            List<AdjustmentRecord> claimAdjustments = new ArrayList<>();
            for (JsonNode a : json(rs.getString("adjustments"))) {
                var adjustment = new AdjustmentRecord(text(a.get(1)), text(a.get(2)), decimal(a.get(3)),
                        decimal(a.get(4)));
                if (a.get(0).isNull()) {
                    claimAdjustments.add(adjustment);
                } else {
                    lineAdjustments.computeIfAbsent(a.get(0).asLong(), k -> new ArrayList<>()).add(adjustment);
                }
            }
            Map<Long, List<String>> lineRemarks = new LinkedHashMap<>();
            List<String> claimRemarks = new ArrayList<>();
            for (JsonNode m : json(rs.getString("remarks"))) {
                if (m.get(0).isNull()) {
                    claimRemarks.add(text(m.get(1)));
                } else {
                    lineRemarks.computeIfAbsent(m.get(0).asLong(), k -> new ArrayList<>()).add(text(m.get(1)));
                }
            }
            List<LineRecord> lines = new ArrayList<>();
            for (JsonNode l : json(rs.getString("lines"))) {
                long id = l.get(0).asLong();
                String modifiers = text(l.get(3));
                lines.add(new LineRecord(id, l.get(1).asInt(), text(l.get(2)),
                        modifiers == null || modifiers.isBlank() ? List.of() : List.of(modifiers.split(":")),
                        text(l.get(4)), decimal(l.get(5)), decimal(l.get(6)), decimal(l.get(7)), decimal(l.get(8)),
                        date(l.get(9)), date(l.get(10)), lineAdjustments.getOrDefault(id, List.of()),
                        lineRemarks.getOrDefault(id, List.of()), text(l.get(11))));
            }
            return new ClaimRecord(rs.getLong("id"), rs.getLong("remittance_id"),
                    rs.getString("payer_name"), rs.getString("payer_id"), localDate(rs.getDate("payment_date")),
                    rs.getString("trace_number"), rs.getString("patient_control_number"), rs.getString("status"),
                    rs.getBigDecimal("charge"), rs.getBigDecimal("paid"), rs.getBigDecimal("patient_responsibility"),
                    rs.getString("filing_indicator"), rs.getString("payer_claim_control_number"),
                    rs.getString("rendering_provider_npi"), localDate(rs.getDate("statement_from")),
                    localDate(rs.getDate("statement_to")), claimAdjustments, claimRemarks, lines,
                    rs.getString("patient_last_name"), rs.getString("patient_first_name"), rs.getString("member_id"),
                    rs.getString("payee_name"), rs.getString("payee_id"));
        }, claimPaymentId).stream().findFirst();
    }

    private static JsonNode json(String array) {
        if (array == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned JSON Jackson cannot read", e);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static LocalDate date(JsonNode value) {
        return value == null || value.isNull() ? null : LocalDate.parse(value.asText());
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

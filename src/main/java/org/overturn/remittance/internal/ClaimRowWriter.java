package org.overturn.remittance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.Part2Records;
import org.overturn.remittance.ServiceLine;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a transaction set's claims, service lines, adjustments and remarks with PostgreSQL's COPY, in the file's
 * transaction. These rows are written once and never changed, so the persistence context had nothing to offer here
 * but cost (with JPA, half of a 50,000-claim file's storing time went to dirty checks and UPDATEs); JDBC batches of
 * multi-row INSERTs came next, and COPY now, which the server takes without parsing or planning a statement per
 * batch, in four round trips per transaction set. Ids are reserved from the sequences first, since children refer
 * to their parents. The entities in this package still read the rows back.
 */
@Component
class ClaimRowWriter {

    /** The sequences hand out blocks of this many ids (INCREMENT BY 100), shared with Hibernate's pooled ids. */
    private static final int BLOCK = 100;

    private final JdbcTemplate jdbc;
    private final Part2Records part2;

    ClaimRowWriter(JdbcTemplate jdbc, Part2Records part2) {
        this.jdbc = jdbc;
        this.part2 = part2;
    }

    /** Stores the claims in order and answers their new ids, in the same order. */
    List<Long> write(long remittanceId, List<ClaimPayment> claims, String payeeNpi) {
        var claimIds = new Ids("claim_payment_seq", claims.size());
        int lineCount = 0;
        int adjustmentCount = 0;
        int remarkCount = 0;
        for (ClaimPayment claim : claims) {
            lineCount += claim.lines().size();
            adjustmentCount += claim.adjustments().size();
            remarkCount += claim.remarks().size();
            for (ServiceLine line : claim.lines()) {
                adjustmentCount += line.adjustments().size();
                remarkCount += line.remarks().size();
            }
        }
        var lineIds = new Ids("service_line_seq", lineCount);
        var adjustmentIds = new Ids("adjustment_seq", adjustmentCount);
        var remarkIds = new Ids("remark_seq", remarkCount);

        var claimRows = new CopyRows("claim_payment", """
                id, remittance_id, position, patient_control_number, status, charge, paid, patient_responsibility,
                filing_indicator, payer_claim_control_number, facility_code, frequency_code, patient_last_name,
                patient_first_name, member_id, rendering_provider_npi, statement_from, statement_to, received_date,
                part2""", claims.size());
        var lineRows = new CopyRows("service_line", """
                id, claim_payment_id, position, procedure_qualifier, procedure_code, modifiers, charge, paid,
                revenue_code, units, original_procedure, service_date, service_date_to, allowed, line_control_number,
                rendering_provider_npi""", lineCount);
        var adjustmentRows = new CopyRows("adjustment",
                "id, claim_payment_id, service_line_id, level, group_code, reason_code, amount, quantity",
                adjustmentCount);
        var remarkRows = new CopyRows("remark", "id, claim_payment_id, service_line_id, code", remarkCount);
        List<Long> stored = new ArrayList<>(claims.size());
        int position = 0;
        for (ClaimPayment claim : claims) {
            long claimId = claimIds.next();
            stored.add(claimId);
            claimRows.row(claimRow(claimId, remittanceId, ++position, claim, part2.isPart2(claim, payeeNpi)));
            for (Adjustment a : claim.adjustments()) {
                adjustmentRows.row(adjustmentRow(adjustmentIds.next(), claimId, null, a));
            }
            for (String code : claim.remarks()) {
                remarkRows.row(remarkIds.next(), claimId, null, code);
            }
            int linePosition = 0;
            for (ServiceLine line : claim.lines()) {
                long lineId = lineIds.next();
                lineRows.row(lineRow(lineId, claimId, ++linePosition, line));
                for (Adjustment a : line.adjustments()) {
                    adjustmentRows.row(adjustmentRow(adjustmentIds.next(), claimId, lineId, a));
                }
                for (String code : line.remarks()) {
                    remarkRows.row(remarkIds.next(), claimId, lineId, code);
                }
            }
        }
        // parents before children: the foreign keys are checked as each COPY ends
        copy(claimRows, lineRows, adjustmentRows, remarkRows);
        return stored;
    }

    private static Object[] claimRow(long id, long remittanceId, int position, ClaimPayment claim, boolean part2) {
        var patient = claim.correctedPatient() != null ? claim.correctedPatient() : claim.patient();
        return new Object[] {id, remittanceId, position, claim.patientControlNumber(), claim.status(),
                claim.charge(), claim.paid(),
                claim.patientResponsibility() == null ? BigDecimal.ZERO : claim.patientResponsibility(),
                claim.filingIndicator(), claim.payerClaimControlNumber(), claim.facilityCode(), claim.frequencyCode(),
                patient == null ? null : patient.last(), patient == null ? null : patient.first(), claim.memberId(),
                claim.renderingProvider() == null ? null : claim.renderingProvider().id(),
                claim.statementFrom(), claim.statementTo(), claim.receivedDate(), part2};
    }

    private static Object[] lineRow(long id, long claimId, int position, ServiceLine line) {
        return new Object[] {id, claimId, position, line.procedureQualifier(), line.procedure(),
                line.modifiers().isEmpty() ? null : String.join(":", line.modifiers()), line.charge(), line.paid(),
                line.revenueCode(), line.units(), line.originalProcedure(), line.serviceDate(),
                line.serviceDateTo(), line.allowed(), line.references().get("6R"),
                Part2Records.lineRenderingProvider(line)};
    }

    private static Object[] adjustmentRow(long id, long claimId, Long lineId, Adjustment a) {
        return new Object[] {id, claimId, lineId, a.level().name().toLowerCase(Locale.ROOT), a.group(), a.reason(),
                a.amount(), a.quantity()};
    }

    /**
     * Sends the rows with COPY on the connection of the current transaction (the one JPA and the JDBC template use),
     * so they commit or roll back with everything else the file's transaction writes.
     */
    private void copy(CopyRows... tables) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
            for (CopyRows table : tables) {
                long copied = table.copy(copyManager);
                if (copied != table.rows()) {
                    throw new IllegalStateException("COPY took " + copied + " of " + table.rows() + " rows");
                }
            }
            return null;
        });
    }

    /**
     * Ids taken from a sequence in its blocks of 100: a value {@code v} of the sequence stands for the ids
     * {@code v-99..v}, the same reading Hibernate's pooled optimizer gives it, so ids handed out here and by
     * Hibernate never meet.
     */
    private final class Ids {
        private final long[] blocks;
        private int block;
        private long next;
        private long last;

        Ids(String sequence, int count) {
            int needed = (count + BLOCK - 1) / BLOCK;
            List<Long> values = needed == 0 ? List.of()
                    : jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class,
                            needed + 1);
            this.blocks = values.stream().mapToLong(Long::longValue).filter(v -> v >= BLOCK).toArray();
            this.block = -1;
        }

        long next() {
            if (block < 0 || next > last) {
                block++;
                last = blocks[block];
                next = last - BLOCK + 1;
            }
            return next++;
        }
    }
}

package org.overturn.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claims, lines, adjustments and remarks of an 835 go to the database with COPY (ClaimRowWriter): every column
 * arrives as the 835 gave it, characters COPY's text format gives a meaning to included, and a failure in the middle
 * of a file's rows leaves nothing of the file behind.
 */
@OverturnIntegrationTest
class ClaimRowsIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClaimRecords records;

    @Test
    void storesEveryColumnOfClaimsLinesAdjustmentsAndRemarks() {
        String payer = "COPY" + System.nanoTime();
        byte[] file = twoPayments(payer, "LINE-OK");

        IntakeResult result = intake.ingest("copy-columns.835", file, "UPLOAD", "tester");

        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.STORED);
        assertThat(result.claims()).isEqualTo(3);
        List<Map<String, Object>> claims = jdbc.queryForList("""
                select c.* from claim_payment c join remittance r on r.id = c.remittance_id
                 where r.payer_id = ? order by r.trace_number, c.position""", payer);
        assertThat(claims).hasSize(3);
        Map<String, Object> first = claims.get(0);
        assertThat(first).containsEntry("position", 1).containsEntry("patient_control_number", "PCN\\1")
                .containsEntry("status", "1").containsEntry("charge", new BigDecimal("250.00"))
                .containsEntry("paid", new BigDecimal("100.00"))
                .containsEntry("patient_responsibility", new BigDecimal("30.00"))
                .containsEntry("filing_indicator", "12").containsEntry("payer_claim_control_number", "PAYER-1")
                .containsEntry("facility_code", "11").containsEntry("frequency_code", "1")
                .containsEntry("patient_last_name", "MUÑOZ").containsEntry("patient_first_name", "\\N")
                .containsEntry("member_id", "MEM1").containsEntry("rendering_provider_npi", "1588667638")
                .containsEntry("statement_from", Date.valueOf("2026-02-01"))
                .containsEntry("statement_to", Date.valueOf("2026-02-03"))
                .containsEntry("received_date", Date.valueOf("2026-02-05"))
                .containsEntry("part2", false).containsEntry("reverses_id", null);
        assertThat(claims.get(1)).containsEntry("position", 2).containsEntry("patient_control_number", "PCN2")
                .containsEntry("patient_responsibility", new BigDecimal("0.00")).containsEntry("member_id", null)
                .containsEntry("statement_from", null).containsEntry("part2", true);

        long firstId = (Long) first.get("id");
        List<Map<String, Object>> lines = jdbc.queryForList(
                "select * from service_line where claim_payment_id = ? order by position", firstId);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsEntry("position", 1).containsEntry("procedure_qualifier", "HC")
                .containsEntry("procedure_code", "90837").containsEntry("modifiers", "95:GT")
                .containsEntry("charge", new BigDecimal("150.00")).containsEntry("paid", new BigDecimal("60.00"))
                .containsEntry("units", new BigDecimal("1.500")).containsEntry("original_procedure", "90834")
                .containsEntry("service_date", Date.valueOf("2026-02-01")).containsEntry("service_date_to", null)
                .containsEntry("allowed", new BigDecimal("90.00")).containsEntry("line_control_number", "LINE-OK")
                .containsEntry("rendering_provider_npi", "1942788757").containsEntry("revenue_code", null);
        assertThat(lines.get(1)).containsEntry("position", 2).containsEntry("procedure_code", "90785")
                .containsEntry("modifiers", null).containsEntry("units", null)
                .containsEntry("service_date", Date.valueOf("2026-02-02"))
                .containsEntry("service_date_to", Date.valueOf("2026-02-03"));
        long lineId = (Long) lines.get(0).get("id");

        assertThat(jdbc.queryForList("""
                select service_line_id, level, group_code, reason_code, amount, quantity from adjustment
                 where claim_payment_id = ? order by id""", firstId)).containsExactly(
                adjustment(null, "claim", "PR", "2", "30.00", null),
                adjustment(null, "claim", "CO", "45", "20.00", "2.000"),
                adjustment(lineId, "line", "CO", "197", "90.00", null),
                adjustment((Long) lines.get(1).get("id"), "line", "CO", "45", "10.00", null));
        assertThat(jdbc.queryForList("select service_line_id, code from remark where claim_payment_id = ? order by id",
                firstId)).containsExactly(remark(null, "MA01"), remark(lineId, "N54"), remark(lineId, "M77"));
    }

    @Test
    void aStoredClaimReadsBackWholeInOneRecord() {
        String payer = "COPYREAD" + System.nanoTime();
        List<Long> claimIds = storedClaims(payer, "copy-read.835", "LINE-READ");

        ClaimRecords.ClaimRecord claim = records.find(claimIds.get(0)).orElseThrow();

        assertThat(claim.id()).isEqualTo(claimIds.get(0));
        assertThat(claim.payerId()).isEqualTo(payer);
        assertThat(claim.payerName()).isEqualTo("COPY PLAN");
        assertThat(claim.paymentDate()).isEqualTo(LocalDate.parse("2026-02-05"));
        assertThat(claim.traceNumber()).isEqualTo(payer + "-A");
        assertThat(claim.patientControlNumber()).isEqualTo("PCN\\1");
        assertThat(claim.patientLastName()).isEqualTo("MUÑOZ");
        assertThat(claim.patientFirstName()).isEqualTo("\\N");
        assertThat(claim.charge()).isEqualTo(new BigDecimal("250.00"));
        assertThat(claim.patientResponsibility()).isEqualTo(new BigDecimal("30.00"));
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(claim.statementTo()).isEqualTo(LocalDate.parse("2026-02-03"));
        assertThat(claim.payeeName()).isEqualTo("RIVERSIDE COUNSELING");
        // amounts keep their scale, as getBigDecimal gives them; claim-level rows apart from the lines' own
        assertThat(claim.adjustments()).containsExactly(
                new ClaimRecords.AdjustmentRecord("PR", "2", new BigDecimal("30.00"), null),
                new ClaimRecords.AdjustmentRecord("CO", "45", new BigDecimal("20.00"), new BigDecimal("2.000")));
        assertThat(claim.remarks()).containsExactly("MA01");
        assertThat(claim.lines()).hasSize(2);
        ClaimRecords.LineRecord first = claim.lines().get(0);
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.procedure()).isEqualTo("90837");
        assertThat(first.modifiers()).containsExactly("95", "GT");
        assertThat(first.charge()).isEqualTo(new BigDecimal("150.00"));
        assertThat(first.paid()).isEqualTo(new BigDecimal("60.00"));
        assertThat(first.allowed()).isEqualTo(new BigDecimal("90.00"));
        assertThat(first.units()).isEqualTo(new BigDecimal("1.500"));
        assertThat(first.serviceDate()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(first.serviceDateTo()).isNull();
        assertThat(first.revenueCode()).isNull();
        assertThat(first.adjustments()).containsExactly(
                new ClaimRecords.AdjustmentRecord("CO", "197", new BigDecimal("90.00"), null));
        assertThat(first.remarks()).containsExactly("N54", "M77");
        assertThat(first.underpayment()).isNull();
        ClaimRecords.LineRecord second = claim.lines().get(1);
        assertThat(second.procedure()).isEqualTo("90785");
        assertThat(second.modifiers()).isEmpty();
        assertThat(second.units()).isNull();
        assertThat(second.allowed()).isNull();
        assertThat(second.serviceDate()).isEqualTo(LocalDate.parse("2026-02-02"));
        assertThat(second.serviceDateTo()).isEqualTo(LocalDate.parse("2026-02-03"));
        assertThat(second.adjustments()).containsExactly(
                new ClaimRecords.AdjustmentRecord("CO", "45", new BigDecimal("10.00"), null));
        assertThat(second.remarks()).isEmpty();
        assertThat(claim.firstServiceDate()).isEqualTo(LocalDate.parse("2026-02-01"));

        // a claim with no remarks at all, and no claim
        ClaimRecords.ClaimRecord noRemarks = records.find(claimIds.get(1)).orElseThrow();
        assertThat(noRemarks.remarks()).isEmpty();
        assertThat(noRemarks.lines()).singleElement().satisfies(line -> assertThat(line.remarks()).isEmpty());
        assertThat(records.find(jdbc.queryForObject("select max(id) + 1000 from claim_payment", Long.class)))
                .isEmpty();
    }

    @Test
    void aFailureWhileCopyingTheSecondPaymentsRowsLeavesNothingOfTheFile() {
        String payer = "COPYFAIL" + System.nanoTime();
        long claims = count("claim_payment");
        long lines = count("service_line");
        long adjustments = count("adjustment");
        long remarks = count("remark");
        // the server refuses one row of the second payment's service lines, in the middle of its COPY
        try (Refusal refusal = refusing("service_line", "new.line_control_number = 'LINE-REFUSED'")) {
            assertThatThrownBy(() -> intake.ingest("copy-fails.835", twoPayments(payer, "LINE-REFUSED"), "UPLOAD",
                    "tester")).hasStackTraceContaining("refused (injected)");
        }

        assertThat(jdbc.queryForObject("select count(*) from remittance where payer_id = ?", Long.class, payer))
                .isZero();
        assertThat(count("claim_payment")).isEqualTo(claims);
        assertThat(count("service_line")).isEqualTo(lines);
        assertThat(count("adjustment")).isEqualTo(adjustments);
        assertThat(count("remark")).isEqualTo(remarks);
        assertThat(jdbc.queryForObject("select count(*) from remittance_file where file_name = 'copy-fails.835'",
                Long.class)).isZero();
        // and the same payments store whole once the failure is gone, on a pooled connection that went through it
        IntakeResult again = intake.ingest("copy-fails.835", twoPayments(payer, "LINE-REFUSED"), "UPLOAD", "tester");
        assertThat(again.outcome()).isEqualTo(IntakeResult.Outcome.STORED);
        assertThat(count("service_line")).isEqualTo(lines + 4);
    }

    @Test
    void aRowTheServerRefusesIsNotQuotedInTheError() {
        String payer = "COPYPHI" + System.nanoTime();
        // PostgreSQL names the COPY line it was reading when a row fails, and quotes the whole row after it: the
        // patient's name and member id; the driver is told to keep such details out of its exceptions
        try (Refusal refusal = refusing("claim_payment", "new.patient_last_name = 'DOE'")) {
            assertThatThrownBy(() -> intake.ingest("copy-phi.835", twoPayments(payer, "LINE-PHI"), "UPLOAD",
                    "tester")).hasStackTraceContaining("refused (injected)")
                    .satisfies(e -> assertThat(org.assertj.core.util.Throwables.getStackTrace(e))
                            .doesNotContain("JANE").doesNotContain("PCN2"));
        }
    }

    @Test
    void everyRowRefersToAStoredClaimAndLineOfThatClaimAndKeepsIt() {
        String payer = "COPYREF" + System.nanoTime();
        List<Long> claimIds = storedClaims(payer, "copy-refs.835", "LINE-REF");
        long claim = claimIds.get(0);
        long otherClaim = claimIds.get(1);
        long line = jdbc.queryForObject(
                "select id from service_line where claim_payment_id = ? order by position limit 1", Long.class, claim);
        long missing = jdbc.queryForObject("select max(id) + 1000 from claim_payment", Long.class);
        // checked once per statement (V48, V49), no longer a foreign key per row; the same SQLSTATE as one
        assertThat(jdbc.queryForList("""
                select conrelid::regclass::text || '.' || a.attname from pg_constraint c
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                 where contype = 'f'
                   and conrelid in ('claim_payment'::regclass, 'service_line'::regclass, 'adjustment'::regclass,
                                    'remark'::regclass)
                """, String.class)).containsExactly("claim_payment.reverses_id");

        assertRefused("insert into service_line (id, claim_payment_id, position, charge, paid) "
                + "values (nextval('service_line_seq'), " + missing + ", 9, 1, 0)",
                "insert or update on table \"service_line\" refers to claim_payment " + missing
                        + ", which is not stored");
        // several rows in one statement: one unknown claim among known ones is enough
        assertRefused("insert into adjustment (id, claim_payment_id, level, group_code, reason_code, amount) values "
                + "(nextval('adjustment_seq'), " + claim + ", 'claim', 'CO', '45', 1), "
                + "(nextval('adjustment_seq'), " + missing + ", 'claim', 'CO', '45', 1)",
                "refers to claim_payment " + missing);
        // a line of another claim is not this claim's line
        assertRefused("insert into adjustment (id, claim_payment_id, service_line_id, level, group_code, reason_code, "
                + "amount) values (nextval('adjustment_seq'), " + otherClaim + ", " + line + ", 'line', 'CO', '45', 1)",
                "refers to service_line " + line + ", which is not stored under the same claim_payment");
        assertRefused("insert into remark (id, claim_payment_id, service_line_id, code) values "
                + "(nextval('remark_seq'), " + claim + ", " + (line + 100_000) + ", 'N54')",
                "refers to service_line " + (line + 100_000));
        assertRefused("update adjustment set claim_payment_id = " + otherClaim + " where claim_payment_id = " + claim,
                "what a stored adjustment row refers to does not change");
        assertRefused("update remark set service_line_id = null where service_line_id = " + line,
                "what a stored remark row refers to does not change");
        assertRefused("update service_line set claim_payment_id = " + otherClaim + " where id = " + line,
                "what a stored service_line row refers to does not change");
        assertRefused("update claim_payment set id = " + missing + " where id = " + claim,
                "what a stored claim_payment row refers to does not change");
        assertRefused("delete from service_line where id = " + line,
                "delete on table \"service_line\": row " + line + " is still referred to");
        // a claim no denial refers to (a foreign key still guards those): its adjustments and remarks go in the
        // same statement, its lines still refer to it
        long paid = jdbc.queryForObject("""
                select c.id from claim_payment c where c.id in (?, ?, ?)
                   and not exists (select 1 from denial d where d.claim_payment_id = c.id)
                   and not exists (select 1 from underpayment u where u.claim_payment_id = c.id)
                 order by c.id limit 1""", Long.class, claimIds.get(0), claimIds.get(1), claimIds.get(2));
        assertRefused("with a as (delete from adjustment where claim_payment_id = " + paid + "), "
                + "r as (delete from remark where claim_payment_id = " + paid + ") "
                + "delete from claim_payment where id = " + paid,
                "delete on table \"claim_payment\": row " + paid + " is still referred to");
        assertRefused("truncate service_line cascade", "it is not truncated");

        // a claim's remittance (V49)
        long remittance = jdbc.queryForObject("select remittance_id from claim_payment where id = ?", Long.class,
                claim);
        long otherRemittance = jdbc.queryForObject("select remittance_id from claim_payment where id = ?", Long.class,
                claimIds.get(2));
        long noRemittance = jdbc.queryForObject("select max(id) + 1000 from remittance", Long.class);
        assertRefused("insert into claim_payment (id, remittance_id, position, patient_control_number, status, charge, "
                + "paid, patient_responsibility) values (nextval('claim_payment_seq'), " + remittance
                + ", 90, 'X', '1', 1, 0, 0), (nextval('claim_payment_seq'), " + noRemittance
                + ", 91, 'Y', '1', 1, 0, 0)",
                "insert or update on table \"claim_payment\" refers to remittance " + noRemittance
                        + ", which is not stored");
        assertRefused("update claim_payment set remittance_id = " + otherRemittance + " where id = " + claim,
                "what a stored claim_payment row refers to does not change");
        // a remittance nothing but a claim refers to (its file's others have dashboard cells, with a foreign key),
        // made and deleted in one statement that the refusal rolls back whole
        assertRefused("""
                do $$
                declare
                  made bigint;
                begin
                  insert into remittance (id, file_id, practice_id, control_number, payment_amount, trace_number,
                                          balanced)
                  select nextval('remittance_seq'), file_id, practice_id, '9999', 0, 'REF-TRACE-' || id, true
                    from remittance where id = %d
                  returning id into made;
                  insert into claim_payment (id, remittance_id, position, patient_control_number, status, charge, paid,
                                             patient_responsibility)
                  values (nextval('claim_payment_seq'), made, 1, 'Z', '1', 1, 0, 0);
                  delete from remittance where id = made;
                end $$""".formatted(remittance),
                "is still referred to by its claims");
        assertRefused("truncate remittance cascade", "it is not truncated");

        // a row with a stored claim and a line of that claim is taken, and may change in what it does not refer to
        jdbc.update("insert into remark (id, claim_payment_id, service_line_id, code) values "
                + "(nextval('remark_seq'), ?, ?, 'M15'), (nextval('remark_seq'), ?, null, 'MA130')", claim, line,
                claim);
        assertThat(jdbc.update("update remark set code = 'M16' where code = 'M15' and claim_payment_id = ?", claim))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from remark where claim_payment_id = ?", Long.class, claim))
                .isEqualTo(5);
    }

    /** The statement is refused with a foreign key's SQLSTATE and changes nothing. */
    private void assertRefused(String sql, String message) {
        long rows = count("service_line") + count("adjustment") + count("remark") + count("claim_payment");
        assertThatThrownBy(() -> jdbc.execute(sql))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((java.sql.SQLException) e.getCause()).getSQLState()).isEqualTo("23503"));
        assertThat(count("service_line") + count("adjustment") + count("remark") + count("claim_payment"))
                .isEqualTo(rows);
    }

    /** A trigger that makes the server refuse the rows of {@code table} meeting {@code condition}, until closed. */
    private Refusal refusing(String table, String condition) {
        jdbc.execute("""
                create or replace function copy_rows_it_refuse() returns trigger language plpgsql as $$
                begin
                  if %s then raise exception 'refused (injected)'; end if;
                  return new;
                end $$""".formatted(condition));
        jdbc.execute("create trigger copy_rows_it_refuse before insert on " + table + " for each row "
                + "execute function copy_rows_it_refuse()");
        return () -> {
            jdbc.execute("drop trigger copy_rows_it_refuse on " + table);
            jdbc.execute("drop function copy_rows_it_refuse()");
        };
    }

    interface Refusal extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Two payments from the payer: the first with a claim of every kind of row, the second with one line whose
     * control number (REF*6R) is given, after a Part 2 claim (H0015).
     */
    private static byte[] twoPayments(String payer, String lineControlNumber) {
        Edi835 edi = Edi835.create().interchange("000000001").group("1")
                .transaction("0001")
                .segment("BPR*I*130*C*CHK************20260205")
                .segment("TRN*1*" + payer + "-A*1512345678")
                .segment("N1*PR*COPY PLAN").segment("REF*2U*" + payer)
                .segment("N1*PE*RIVERSIDE COUNSELING*XX*1234567893")
                .segment("CLP*PCN\\1*1*250*100*30*12*PAYER-1*11*1")
                .segment("CAS*PR*2*30")
                .segment("CAS*CO*45*20*2")
                .segment("NM1*QC*1*MUÑOZ*\\N****MI*MEM1")
                .segment("NM1*82*1*RENDER*RITA****XX*1588667638")
                .segment("MOA***MA01")
                .segment("DTM*232*20260201").segment("DTM*233*20260203").segment("DTM*050*20260205")
                .segment("SVC*HC:90837:95:GT*150*60**1.5*HC:90834")
                .segment("DTM*472*20260201")
                .segment("CAS*CO*197*90")
                .segment("REF*6R*LINE-OK").segment("REF*HPI*1942788757")
                .segment("AMT*B6*90")
                .segment("LQ*HE*N54").segment("LQ*HE*M77")
                .segment("SVC*HC:90785*100*40")
                .segment("DTM*150*20260202").segment("DTM*151*20260203")
                .segment("CAS*CO*45*10")
                .segment("CLP*PCN2*1*80*30**12*PAYER-2")
                .segment("CAS*CO*45*50")
                .segment("NM1*QC*1*DOE*JANE")
                .segment("SVC*HC:H0015*80*30")
                .segment("CAS*CO*45*50")
                .endTransaction()
                .transaction("0002")
                .segment("BPR*I*40*C*CHK************20260206")
                .segment("TRN*1*" + payer + "-B*1512345678")
                .segment("N1*PR*COPY PLAN").segment("REF*2U*" + payer)
                .segment("N1*PE*RIVERSIDE COUNSELING*XX*1234567893")
                .segment("CLP*PCN3*1*50*40**12*PAYER-3")
                .segment("CAS*CO*45*10")
                .segment("NM1*QC*1*ROE*RICHARD")
                .segment("SVC*HC:90834*50*40")
                .segment("CAS*CO*45*10")
                .segment("REF*6R*" + lineControlNumber);
        return edi.closeAll().text().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> adjustment(Long lineId, String level, String group, String reason,
                                                  String amount, String quantity) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("service_line_id", lineId);
        row.put("level", level);
        row.put("group_code", group);
        row.put("reason_code", reason);
        row.put("amount", new BigDecimal(amount));
        row.put("quantity", quantity == null ? null : new BigDecimal(quantity));
        return row;
    }

    private static Map<String, Object> remark(Long lineId, String code) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("service_line_id", lineId);
        row.put("code", code);
        return row;
    }

    /** Ingests {@link #twoPayments} and answers the ids of its three stored claims, in file order. */
    private List<Long> storedClaims(String payer, String fileName, String lineControlNumber) {
        intake.ingest(fileName, twoPayments(payer, lineControlNumber), "UPLOAD", "tester");
        return jdbc.queryForList("""
                select c.id from claim_payment c join remittance r on r.id = c.remittance_id
                 where r.payer_id = ? order by r.trace_number, c.position""", Long.class, payer);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

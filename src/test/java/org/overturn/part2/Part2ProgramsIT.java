package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A provider flagged as a Part 2 program makes the denials of the claims it rendered Part 2 records. */
@OverturnIntegrationTest
class Part2ProgramsIT {

    // valid NPIs (Luhn check digit) that no other test renders claims with
    static final String PROGRAM = "1987654302";
    static final String OTHER_CLINICIAN = "1987654310";
    static final String LINE_PROGRAM = "1987654328";
    static final String FORMER_PROGRAM = "1987654336";

    @Autowired
    Part2Programs programs;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void flaggingMarksTheProvidersExistingAndLaterDenials() {
        ingest("PROGRAM-PLAN", "PROGRAM-1", "P-BEFORE", "NM1*82*1*DOE*JANE****XX*" + PROGRAM);
        ingest("PROGRAM-PLAN", "PROGRAM-2", "P-OTHER", "NM1*82*1*ROE*RICK****XX*" + OTHER_CLINICIAN);
        assertThat(part2("PROGRAM-PLAN", "P-BEFORE")).isFalse();

        programs.flag(PROGRAM, "Riverside Opioid Treatment Program", "admin");

        assertThat(programs.isProgram(PROGRAM)).isTrue();
        assertThat(part2("PROGRAM-PLAN", "P-BEFORE")).isTrue();
        assertThat(part2("PROGRAM-PLAN", "P-OTHER")).isFalse();
        ingest("PROGRAM-PLAN", "PROGRAM-3", "P-AFTER", "NM1*82*1*DOE*JANE****XX*" + PROGRAM);
        assertThat(part2("PROGRAM-PLAN", "P-AFTER")).isTrue();
        assertThat(programs.all()).anySatisfy(p -> {
            assertThat(p.npi()).isEqualTo(PROGRAM);
            assertThat(p.name()).isEqualTo("Riverside Opioid Treatment Program");
            assertThat(p.addedBy()).isEqualTo("admin");
        });
        assertThat(jdbc.queryForList("select actor || ': ' || detail from audit_event where action = "
                + "'PART2_PROGRAM_CHANGED' and record_id = ?", String.class, PROGRAM))
                .containsExactlyInAnyOrder("admin: 1 claim(s) rendered by the program, 1 denial(s) newly marked Part 2",
                        "admin: flagged as a Part 2 program; the records it rendered are marked Part 2");
    }

    @Test
    void aServiceLineRenderedByAProgramMakesTheClaimPart2() {
        programs.flag(LINE_PROGRAM, "Hillside Detox", "admin");

        ingest("LINE-PLAN", "LINE-1", "L-1", "REF*HPI*" + LINE_PROGRAM);

        assertThat(part2("LINE-PLAN", "L-1")).isTrue();
    }

    @Test
    void flaggingLaterMarksClaimsWhoseLineTheProgramRendered() {
        String npi = "1987654369";
        ingest("LATE-LINE-PLAN", "LATE-LINE-1", "LL-1", "REF*HPI*" + npi);
        assertThat(part2("LATE-LINE-PLAN", "LL-1")).isFalse();

        programs.flag(npi, "Late Line Program", "admin");

        assertThat(part2("LATE-LINE-PLAN", "LL-1")).isTrue();
        assertThat(jdbc.queryForObject("select cp.part2 from claim_payment cp join denial d on d.claim_payment_id = cp.id"
                + " where d.payer_id = 'LATE-LINE-PLAN' and d.patient_control_number = 'LL-1'", Boolean.class)).isTrue();
    }

    @Test
    void aClaimPaidToAProgramAsBillingProviderIsPart2() {
        String billing = "1776655403";
        programs.flag(billing, "Northside Addiction Services (billing)", "admin");

        ingestPaidTo(billing, "PAYEE-PLAN", "PAYEE-1", "PY-1");

        assertThat(part2("PAYEE-PLAN", "PY-1")).isTrue();
    }

    @Test
    void flaggingABillingProviderLaterMarksTheClaimsPaidToIt() {
        String billing = "1776655411";
        ingestPaidTo(billing, "LATE-PAYEE-PLAN", "LATE-PAYEE-1", "LP-1");
        assertThat(part2("LATE-PAYEE-PLAN", "LP-1")).isFalse();

        programs.flag(billing, "Late Billing Program", "admin");

        assertThat(part2("LATE-PAYEE-PLAN", "LP-1")).isTrue();
    }

    @Test
    void unflaggingKeepsDenialsAlreadyMarkedAndMarksNoMore() {
        programs.flag(FORMER_PROGRAM, "Former Program", "admin");
        ingest("FORMER-PLAN", "FORMER-1", "F-WHILE", "NM1*82*1*DOE*JANE****XX*" + FORMER_PROGRAM);

        programs.unflag(FORMER_PROGRAM, "admin");
        ingest("FORMER-PLAN", "FORMER-2", "F-AFTER", "NM1*82*1*DOE*JANE****XX*" + FORMER_PROGRAM);

        assertThat(programs.isProgram(FORMER_PROGRAM)).isFalse();
        assertThat(part2("FORMER-PLAN", "F-WHILE")).isTrue();
        assertThat(part2("FORMER-PLAN", "F-AFTER")).isFalse();
        var changes = jdbc.queryForList("select detail from audit_event where action = 'PART2_PROGRAM_CHANGED' "
                + "and record_id = ? order by id", String.class, FORMER_PROGRAM);
        assertThat(changes).hasSize(3);
        assertThat(changes.get(2)).startsWith("no longer a Part 2 program");
    }

    @Test
    void billersSeeAProgramsClaimsRedactedInTheRemittance() {
        String npi = "1987654344";
        programs.flag(npi, "Lakeside Recovery", "admin");
        long remittanceId = ingest("REDACT-PLAN", "REDACT-1", "R-1", "NM1*82*1*DOE*JANE****XX*" + npi);

        JsonNode claim = rest.withBasicAuth("biller", "demo")
                .getForObject("/api/remittances/" + remittanceId, JsonNode.class).at("/claims/0");
        JsonNode full = rest.withBasicAuth("sud-biller", "demo")
                .getForObject("/api/remittances/" + remittanceId, JsonNode.class).at("/claims/0");

        assertThat(claim.get("patientName").asText()).contains("Restricted");
        assertThat(claim.get("lines")).isEmpty();
        assertThat(full.get("patientName").asText()).isEqualTo("RIVERA, MARISOL");
    }

    @Test
    void refusesAnNpiWhoseCheckDigitIsWrongAndAProgramWithoutName() {
        assertThatThrownBy(() -> programs.flag("1987654303", " ", "admin"))
                .isInstanceOfSatisfying(Part2Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Part2Problem.Kind.INVALID);
                    assertThat(p.fieldErrors().keySet()).containsExactly("npi", "name");
                });
        assertThat(programs.isProgram("1987654303")).isFalse();
    }

    @Test
    void unflaggingAProviderThatIsNoProgramIsNotFound() {
        assertThatThrownBy(() -> programs.unflag("1987654351", "admin"))
                .isInstanceOfSatisfying(Part2Problem.class,
                        p -> assertThat(p.kind()).isEqualTo(Part2Problem.Kind.NOT_FOUND));
    }

    /** One psychotherapy claim denied for want of authorization (no substance-use code), with the given segments. */
    private long ingest(String payer, String trace, String pcn, String rendering) {
        var remittance = KnownRemittance.from(payer, payer + " HEALTH PLAN", trace, "20260302", "0")
                .claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*197*150", "NM1*QC*1*RIVERA*MARISOL****MI*" + pcn);
        if (rendering.startsWith("NM1")) {
            remittance.claim(rendering, "SVC*HC:90837*150*0**1", "DTM*472*20260220");
        } else {
            remittance.claim("SVC*HC:90837*150*0**1", "DTM*472*20260220", rendering);
        }
        var result = intake.ingest(trace + ".835", remittance.bytes(), "UPLOAD", "test");
        assertThat(result.denials()).isEqualTo(1);
        return result.remittances().get(0).remittanceId();
    }

    /** A psychotherapy claim rendered by nobody flagged, paid to the given payee (N1*PE by NPI). */
    private void ingestPaidTo(String payeeNpi, String payer, String trace, String pcn) {
        var remittance = KnownRemittance.from(payer, payer + " HEALTH PLAN", trace, "20260302", "0")
                .claim("CLP*" + pcn + "*4*150*0**12", "CAS*CO*197*150", "NM1*QC*1*RIVERA*MARISOL****MI*" + pcn,
                        "NM1*82*1*ROE*RICK****XX*" + OTHER_CLINICIAN, "SVC*HC:90837*150*0**1", "DTM*472*20260220");
        byte[] content = new String(remittance.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("N1*PE*RIVERSIDE COUNSELING*XX*1234567893", "N1*PE*NORTHSIDE*XX*" + payeeNpi)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(intake.ingest(trace + ".835", content, "UPLOAD", "test").denials()).isEqualTo(1);
    }

    private boolean part2(String payer, String pcn) {
        return jdbc.queryForObject("select part2 from denial where payer_id = ? and patient_control_number = ?",
                Boolean.class, payer, pcn);
    }

    @Test
    void aProgramBelongsToThePracticeThatRunsItAndIsRecognisedAsBefore() {
        long practice = jdbc.queryForObject("select min(id) from practice", Long.class);
        String npi = "1245319599";
        programs.flag(npi, "Practice Detox", practice, "admin");
        programs.flag(npi, "Practice Detox renamed", "admin");

        assertThat(programs.ofPractice(practice)).extracting(Part2Program::npi, Part2Program::practiceId)
                .contains(org.assertj.core.groups.Tuple.tuple(npi, practice));
        assertThat(programs.isProgram(npi)).isTrue();
        programs.unflag(npi, "admin");
        assertThat(programs.ofPractice(practice)).extracting(Part2Program::npi).doesNotContain(npi);
    }
}

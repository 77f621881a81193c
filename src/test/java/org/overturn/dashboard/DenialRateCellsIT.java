package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What ingest writes to {@code denial_rate_cell}: per remittance, one cell per dimension and key, first
 * submissions only. Three remittances of a payer of its own; the third holds only a resubmission and a reversal.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenialRateCellsIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    final String payer = "DRC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeAll
    void ingest() {
        intake.ingest("drc-a.835", KnownRemittance.from(payer, "DRC HEALTH PLAN", payer + "-A", "20260302", "530")
                .claim("CLP*K1*1*200*200**12", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90837*200*200**1", "DTM*472*20260220")
                // denied whole: no authorization (CO-197)
                .claim("CLP*K2*4*150*0**12", "CAS*CO*197*150", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90834*150*0**1", "DTM*472*20260221")
                // partly denied on its line: missing information (CO-16), 50 at risk
                .claim("CLP*K3*1*300*250**12", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90837*300*250**1", "DTM*472*20260222", "CAS*CO*16*50")
                // patient's coinsurance only: not a denial; no rendering provider
                .claim("CLP*K5*1*100*80*20*12", "CAS*PR*2*20", "SVC*HC:90834*100*80**1", "DTM*472*20260223")
                .bytes(), "UPLOAD", "test");
        intake.ingest("drc-b.835", KnownRemittance.from(payer, "DRC HEALTH PLAN", payer + "-B", "20260310", "-100")
                // denied whole: not medically necessary (CO-50)
                .claim("CLP*K4*4*400*0**12", "CAS*CO*50*400", "NM1*82*1*ROE*RICK****XX*2222222222",
                        "SVC*HC:90791*400*0**1", "DTM*472*20260301")
                .claim("CLP*K1*22*-200*-200**12", "SVC*HC:90837*-200*-200**1")
                .claim("CLP*K5*1*100*100**12", "SVC*HC:90834*100*100**1")
                .bytes(), "UPLOAD", "test");
        intake.ingest("drc-c.835", KnownRemittance.from(payer, "DRC HEALTH PLAN", payer + "-C", "20260317", "100")
                .claim("CLP*K1*1*200*200**12", "SVC*HC:90837*200*200**1")
                .claim("CLP*K5*22*-100*-100**12", "SVC*HC:90834*-100*-100**1")
                .bytes(), "UPLOAD", "test");
    }

    @Test
    void storesOneCellPerDimensionAndKeyWithCausesOfDenialsOnly() {
        assertThat(cellsOf("A")).containsExactlyInAnyOrder(
                "all  4 2 750.00 200.00",
                "provider 1111111111 3 2 650.00 200.00",
                "provider " + Kpis.NO_PROVIDER + " 1 0 100.00 0.00",
                "procedure 90837 2 1 500.00 50.00",
                "procedure 90834 2 1 250.00 150.00",
                "cause AUTHORIZATION 1 1 150.00 150.00",
                "cause MISSING_INFORMATION 1 1 300.00 50.00");
    }

    @Test
    void leavesOutReversalsAndLaterPaymentsOfClaimsOnFile() {
        assertThat(cellsOf("B")).containsExactlyInAnyOrder(
                "all  1 1 400.00 400.00",
                "provider 2222222222 1 1 400.00 400.00",
                "procedure 90791 1 1 400.00 400.00",
                "cause MEDICAL_NECESSITY 1 1 400.00 400.00");
        // nothing but a resubmission and a reversal: no cells at all, not even an empty total
        assertThat(cellsOf("C")).isEmpty();
    }

    private List<String> cellsOf(String remittance) {
        return jdbc.query("""
                select c.dimension, c.key, c.claims, c.denied, c.charged, c.denied_dollars
                  from denial_rate_cell c join remittance r on r.id = c.remittance_id
                 where r.payer_id = ? and r.trace_number = ?
                """, (rs, i) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5).toPlainString(), rs.getBigDecimal(6).toPlainString()), payer, payer + "-" + remittance);
    }
}

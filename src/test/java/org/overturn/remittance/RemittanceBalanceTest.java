package org.overturn.remittance;

import org.overturn.x12.MalformedX12Exception;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DESIGN §2 balancing: payment, claim and line. */
class RemittanceBalanceTest {

    private final RemittanceParser parser = RemittanceParser.standard();

    @Test
    void findsNothingWrongWithABalancedRemittance() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("175", "CLP*A*1*200*120*30*12",
                "SVC*HC:90837*200*120", "CAS*CO*45*50", "CAS*PR*2*30",
                "CLP*B*4*100*0**12", "CAS*CO*197*100",
                "CLP*C*1*60*60**12", "PLB*1234567893*20241231*WO:OVER*10*L6*-5");

        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("amounts compare by value: 100 and 100.00 are the same money")
    void comparesAmountsByValueNotByScale() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("100.00", "CLP*A*1*150.0*100*50*12", "SVC*HC:90837*150*100.000",
                "CAS*PR*2*50.00");

        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    void reportsPaymentThatDiffersFromClaimsPaidLessProviderAdjustments() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("180", "CLP*A*1*200*200**12", "PLB*1234567893*20241231*WO*25");

        assertThat(RemittanceBalance.problems(advice)).containsExactly(
                "transaction 0001: claims paid 200.00 − provider adjustments 25.00 = 175.00 but the payment is 180.00");
    }

    @Test
    void reportsClaimWhoseAdjustmentsDoNotExplainTheUnpaidCharge() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("20", "CLP*A*1*10*10**12", "CLP*B*1*10*10**12",
                "CLP*12345*4*150*0**12", "CAS*CO*197*120");

        assertThat(RemittanceBalance.problems(advice)).containsExactly(
                "claim 3 (PCN 12345): charge 150.00 − paid 0.00 = 150.00 but adjustments sum to 120.00");
    }

    @Test
    void countsLineAdjustmentsTowardsTheClaim() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("80", "CLP*A*1*100*80**12", "CAS*CO*45*5", "SVC*HC:90834*100*80",
                "CAS*CO*45*20");

        assertThat(RemittanceBalance.problems(advice)).containsExactly(
                "claim 1 (PCN A): charge 100.00 − paid 80.00 = 20.00 but adjustments sum to 25.00");
    }

    @Test
    void reportsLineWhoseAdjustmentsDoNotExplainItsUnpaidCharge() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("100", "CLP*A*1*200*100**12", "CAS*CO*45*40",
                "SVC*HC:90837*150*100", "CAS*CO*45*30", "SVC*HC:90785*50*0", "CAS*CO*97*30");

        assertThat(RemittanceBalance.problems(advice)).containsExactly(
                "claim 1 (PCN A) line 1 (90837): charge 150.00 − paid 100.00 = 50.00 but adjustments sum to 30.00",
                "claim 1 (PCN A) line 2 (90785): charge 50.00 − paid 0.00 = 50.00 but adjustments sum to 30.00");
    }

    @Test
    void namesClaimsByPatientControlNumberNeverByPatient() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("0", "CLP*PCN-7*4*150*0**12", "NM1*QC*1*DOE*JANE****MI*M123");

        assertThat(RemittanceBalance.problems(advice)).singleElement().asString()
                .contains("PCN-7").doesNotContain("DOE", "JANE", "M123");
    }

    private RemittanceAdvice advice(String payment, String... claimSegments) throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001").header(payment);
        for (String segment : claimSegments) {
            edi.segment(segment);
        }
        return parser.parse(edi.closeAll().stream()).transactions().get(0);
    }
}

package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.ProviderAdjustment;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.ServiceLine;

/** azoner/pyx12 test files: a denied Medicaid claim, and a 004010X091A1 file with reversals. */
class PyX12SampleTest {

    @Test
    void readsDeniedMedicaidClaimWithZeroNonPayment() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("pyx12__835_mult_loops.835").transactions().get(0);

        assertThat(advice.payment().handlingCode()).isEqualTo("H");
        assertThat(advice.payment().method()).isEqualTo("NON");
        assertThat(advice.payment().amount()).isEqualByComparingTo("0");
        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2004, 10, 28));
        assertThat(advice.productionDate()).isEqualTo(LocalDate.of(2013, 9, 1));
        assertThat(advice.payer().name()).isEqualTo("PAYER");
        assertThat(advice.payee().id()).isEqualTo("444313000");
        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("2005555A");
        assertThat(claim.status()).isEqualTo("4");
        assertThat(claim.charge()).isEqualByComparingTo("915.39");
        assertThat(claim.filingIndicator()).isEqualTo("MC");
        assertThat(claim.renderingProvider().id()).isEqualTo("44452736");
        assertThat(claim.lines()).extracting(ServiceLine::procedure, l -> l.charge().toPlainString(),
                        l -> l.units().toPlainString(), ServiceLine::serviceDate)
                .containsExactly(tuple("T1005", "500.04", "68", LocalDate.of(2003, 11, 29)),
                        tuple("T1005", "127.8", "16", LocalDate.of(2003, 10, 30)),
                        tuple("T1005", "287.55", "36", LocalDate.of(2003, 10, 31)));
        assertThat(claim.lines()).flatExtracting(ServiceLine::adjustments)
                .extracting(Adjustment::group, Adjustment::reason)
                .containsExactly(tuple("CO", "16"), tuple("OA", "A7"), tuple("OA", "A7"));
        assertThat(claim.lines()).allSatisfy(l -> {
            assertThat(l.remarks()).containsExactly("N14");
            assertThat(l.serviceDateTo()).isEqualTo(l.serviceDate());
        });
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("4010 (004010X091A1) is read like 5010: reversals, group CR, PLB with three CS pairs; BPR does not balance")
    void reads4010FileWithReversalsAndRecordsItsVersion() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("pyx12__835_simple_4010.835").transactions().get(0);

        assertThat(advice.version()).isEqualTo("004010X091A1");
        assertThat(advice.interchangeControlNumber()).isEqualTo("000003447");
        assertThat(advice.groupControlNumber()).isEqualTo("3444");
        assertThat(advice.controlNumber()).isEqualTo("40731");
        assertThat(advice.payment().trace()).isEqualTo("0004926");
        assertThat(advice.claims()).extracting(ClaimPayment::status, c -> c.charge().toPlainString(),
                        c -> c.paid().toPlainString(), ClaimPayment::isReversal)
                .containsExactly(tuple("22", "-310", "-210", true), tuple("1", "300", "200", false),
                        tuple("22", "-500.25", "-500.25", true));
        assertThat(advice.claims().get(0).lines().get(0).adjustments())
                .extracting(Adjustment::group, Adjustment::reason, a -> a.amount().toPlainString())
                .containsExactly(tuple("CR", "45", "-100"));
        assertThat(advice.claims().get(2).lines().get(0).modifiers()).containsExactly("TG");
        assertThat(advice.claims().get(0).amounts()).containsKey("AU");
        assertThat(advice.providerAdjustments()).extracting(ProviderAdjustment::reason, p -> p.amount().toPlainString())
                .containsExactly(tuple("CS", "-1008.1"), tuple("CS", "24.21"), tuple("CS", "5.95"));
        assertThat(RemittanceBalance.problems(advice)).containsExactly("transaction 40731: claims paid -510.25 − "
                + "provider adjustments -977.94 = 467.69 but the payment is 5950.21");
    }
}

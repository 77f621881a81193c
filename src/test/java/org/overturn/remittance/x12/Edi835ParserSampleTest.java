package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.ProviderAdjustment;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.ServiceLine;

/**
 * Samples from the edi-835-parser projects (keironstoddart, affect-therapeutics, CHS-CDS-AIML): one sound
 * UnitedHealthcare file; the others are rejected (no envelope, IEA02 ≠ ISA13, SE01 off by one) and are
 * read here once that one defect is repaired, to show that the rest of them is understood.
 */
class Edi835ParserSampleTest {

    @Test
    @DisplayName("UnitedHealthcare layout, '>' declared in ISA16: DME lines with units, CAS whose first quantity is empty")
    void readsUnitedHealthcareRemittance() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("keironstoddart__united_healthcare_legacy_sample.835")
                .transactions().get(0);

        assertThat(advice.payment().amount()).isEqualByComparingTo("349.99");
        assertThat(advice.payment().method()).isEqualTo("ACH");
        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2021, 2, 4));
        assertThat(advice.payment().trace()).isEqualTo("1234567890");
        assertThat(advice.payer().name()).isEqualTo("UNITED HEALTHCARE INSURANCE COMPANY");
        assertThat(advice.payer().idQualifier()).isEqualTo("XV");
        assertThat(advice.payer().id()).isEqualTo("87726");
        assertThat(advice.payee().name()).isEqualTo("KLAUS MEDICAL CENTER");
        assertThat(advice.payee().npi()).isEqualTo("1922164458");

        ClaimPayment first = advice.claims().get(0);
        assertThat(first.patientControlNumber()).isEqualTo("001-18573-358");
        assertThat(first.filingIndicator()).isEqualTo("16");
        assertThat(first.patientResponsibility()).isEqualByComparingTo("105.26");
        assertThat(first.correctedPatient()).isNotNull();
        assertThat(first.references()).containsEntry("1L", "12345").containsEntry("CE", "ILLINOIS DEPARTMENT OF CMS");
        assertThat(first.statementFrom()).isEqualTo(LocalDate.of(2020, 12, 21));
        assertThat(first.statementTo()).isEqualTo(LocalDate.of(2021, 1, 13));
        assertThat(first.receivedDate()).isEqualTo(LocalDate.of(2021, 1, 14));
        assertThat(first.amounts()).containsEntry("AU", new BigDecimal("194.18"));
        assertThat(first.lines()).extracting(ServiceLine::procedure, l -> l.units().toPlainString(),
                        l -> l.references().get("6R"))
                .containsExactly(tuple("B4152", "234", "800941258001"), tuple("B4152", "277", "800941258002"));

        List<ServiceLine> second = advice.claims().get(1).lines();
        assertThat(second).extracting(ServiceLine::procedure).containsExactly("B4154", "B4034", "B4154");
        assertThat(second.get(2).adjustments())
                .extracting(Adjustment::group, Adjustment::reason, a -> a.amount().toPlainString(), Adjustment::quantity)
                .containsExactly(tuple("PR", "2", "5.13", null), tuple("PR", "1", "110", null),
                        tuple("CO", "45", "184.32", null));
        assertThat(second.get(2).allowed()).isEqualByComparingTo("144.18");
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("Nevada: IEA02 ≠ ISA13 is a warning on each payment; non-padded ISA, 3 ST in one GS, the third PLB-only")
    void readsNevadaMedicaidWithItsInterchangeControlNumberMismatchAsAWarning() throws MalformedX12Exception {
        RemittanceFile file = RealSample.parse("affect-therapeutics__nevada-medicaid-3-st-plb-only.835");

        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber,
                        RemittanceAdvice::controlNumber, t -> t.payee().name(), t -> t.claims().size())
                .containsExactly(tuple("100000300", "0001", "SUMMER", 1), tuple("100000300", "0002", "VALLEY", 2),
                        tuple("100000300", "0003", "SILVER", 0));
        ClaimPayment denied = file.transactions().get(0).claims().get(0);
        assertThat(denied.status()).isEqualTo("4");
        assertThat(denied.adjustments()).extracting(Adjustment::group, Adjustment::reason, a -> a.amount().toPlainString())
                .containsExactly(tuple("OA", "147", "50016"), tuple("CO", "26", "22216"));
        assertThat(denied.correctedPatient()).isNotNull();
        assertThat(file.transactions().get(1).claims()).extracting(ClaimPayment::status).containsExactly("2", "4");

        RemittanceAdvice plbOnly = file.transactions().get(2);
        assertThat(plbOnly.payment().amount()).isEqualByComparingTo("1812.27");
        assertThat(plbOnly.providerAdjustments()).extracting(ProviderAdjustment::reason,
                        ProviderAdjustment::reference, p -> p.amount().toPlainString())
                .containsExactly(tuple("CT", "888888888", "-1092.46"), tuple("CT", "888888888", "-719.81"),
                        tuple("CS", "8888888888887", "-181.55"), tuple("CS", "8888888888887", "181.55"),
                        tuple("CS", "8888888888888", "-130"), tuple("CS", "8888888888888", "130"));
        assertThat(file.transactions()).allSatisfy(t -> assertThat(RemittanceBalance.problems(t)).isEmpty());
        assertThat(file.transactions()).allSatisfy(t -> assertThat(t.envelopeWarnings())
                .containsExactly("IEA02 '100000301' does not match ISA13 '100000300'"));
    }

    @Test
    @DisplayName("CHS test.835: SE01 17 (16 segments) is a warning; PR-2 counted twice unbalances the claim")
    void reportsDoubleCountedAdjustmentAndTheWrongSegmentCount() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("chs-cds-aiml__test-claim-and-line-cas-double-counted.835")
                .transactions().get(0);

        assertThat(advice.envelopeWarnings()).containsExactly("SE01 says 17 but transaction set 0001 has 16 segments");
        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("PATIENTACCOUNT01");
        assertThat(claim.filingIndicator()).isEqualTo("15");
        assertThat(claim.adjustments()).extracting(Adjustment::reason).containsExactly("2");
        assertThat(claim.lines()).extracting(ServiceLine::procedure).containsExactly("99214", "73630");
        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(RemittanceBalance.problems(advice)).containsExactly(
                "claim 1 (PCN PATIENTACCOUNT01): charge 2000.00 − paid 1500.50 = 499.50 but adjustments sum to 999.00");
    }

    @Test
    @DisplayName("BCBS NC sample starts at ST (no ISA/GS): rejected at segment 1 (ST) before anything is read")
    void rejectsFileWithoutInterchangeEnvelope() {
        assertThat(RealSample.rejection("keironstoddart__blue_cross_nc_sample.835").getMessage())
                .isEqualTo("segment 1 (ST): no ISA interchange header");
        assertThat(RealSample.rejection("affect-therapeutics__exhaustive-masked-no-isa.835").getMessage())
                .isEqualTo("segment 1 (ST): no ISA interchange header");
    }
}

package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.ServiceLine;

/** LinuxForHealth/x12 835 test files: ISA16 declares ':' but SVC01 is written with '>'. */
class LinuxForHealthSampleTest {

    @Test
    void readsSecondaryClaimWithPriorPayerAndNegativeAdjustment() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("linuxforhealth__cob-contractural-adjustment.835")
                .transactions().get(0);

        assertThat(advice.interchangeControlNumber()).isEqualTo("000000907");
        assertThat(advice.groupControlNumber()).isEqualTo("1");
        assertThat(advice.version()).isEqualTo("005010X221A1");
        assertThat(advice.controlNumber()).isEqualTo("0001");
        assertThat(advice.payment().handlingCode()).isEqualTo("I");
        assertThat(advice.payment().amount()).isEqualByComparingTo("34.00");
        assertThat(advice.payment().method()).isEqualTo("CHK");
        assertThat(advice.payment().trace()).isEqualTo("0063158ABC");
        assertThat(advice.payment().originatorId()).isEqualTo("1566339911");
        assertThat(advice.productionDate()).isEqualTo(LocalDate.of(2005, 3, 18));
        assertThat(advice.payer().name()).isEqualTo("YOUR TAX DOLLARS AT WORK");
        assertThat(advice.payer().id()).isNull();
        assertThat(advice.payer().address().line1()).isEqualTo("481A00 DEAR RUN ROAD");
        assertThat(advice.payer().address().city()).isEqualTo("WEST PALM BCH");
        assertThat(advice.payee().name()).isEqualTo("ATONEWITHHEALTH");
        assertThat(advice.payee().idQualifier()).isEqualTo("FI");
        assertThat(advice.payee().id()).isEqualTo("3UR334563");
        assertThat(advice.payee().npi()).isNull();
        assertThat(advice.payee().references()).containsEntry("PQ", "11861");

        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("0001000055");
        assertThat(claim.status()).isEqualTo("2");
        assertThat(claim.charge()).isEqualByComparingTo("541.00");
        assertThat(claim.paid()).isEqualByComparingTo("34.00");
        assertThat(claim.patientResponsibility()).isEqualByComparingTo("0");
        assertThat(claim.filingIndicator()).isEqualTo("12");
        assertThat(claim.payerClaimControlNumber()).isEqualTo("50650619501");
        assertThat(claim.memberId()).isEqualTo("987654321");
        assertThat(claim.renderingProvider().idQualifier()).isEqualTo("BS");
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.of(2005, 2, 2));
        assertThat(claim.adjustments()).isEmpty();

        ServiceLine line = claim.lines().get(0);
        assertThat(line.procedureQualifier()).isEqualTo("HC");
        assertThat(line.procedure()).isEqualTo("55669");
        assertThat(line.modifiers()).isEmpty();
        assertThat(line.charge()).isEqualByComparingTo("541.00");
        assertThat(line.paid()).isEqualByComparingTo("34.00");
        assertThat(line.units()).isEqualByComparingTo("1");
        assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2005, 2, 2));
        assertThat(line.adjustments()).extracting(Adjustment::group, Adjustment::reason, a -> a.amount().toPlainString())
                .containsExactly(tuple("OA", "23", "516.00"), tuple("OA", "94", "-9.00"));
        assertThat(line.references()).containsEntry("1B", "44280");
        assertThat(line.allowed()).isEqualByComparingTo("550.00");
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("payment date is null: the file puts it in BPR15 (11 separators after CHK), not BPR16")
    void leavesPaymentDateEmptyWhenThePayerPutItInTheWrongElement() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("linuxforhealth__secondary-payment.835").transactions().get(0);

        assertThat(advice.payment().date()).isNull();
    }

    @Test
    void readsInstitutionalMedicareClaimsWithRemarksAndCompositePlb() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("linuxforhealth__medicare-part-a.835").transactions().get(0);

        assertThat(advice.payment().handlingCode()).isEqualTo("C");
        assertThat(advice.payment().amount()).isEqualByComparingTo("150000.00");
        assertThat(advice.payment().method()).isEqualTo("ACH");
        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2002, 9, 13));
        assertThat(advice.payer().id()).as("REF*2U").isEqualTo("999");
        assertThat(advice.payee().npi()).isEqualTo("6543210903");
        assertThat(advice.claims()).extracting(ClaimPayment::patientControlNumber, ClaimPayment::filingIndicator,
                        ClaimPayment::facilityCode, ClaimPayment::frequencyCode)
                .containsExactly(tuple("666123", "MA", "11", "1"), tuple("777777", "MB", "13", "1"));

        ClaimPayment first = advice.claims().get(0);
        assertThat(first.charge()).isEqualByComparingTo("211366.97");
        assertThat(first.paid()).isEqualByComparingTo("138018.40");
        assertThat(first.adjustments()).extracting(Adjustment::level, Adjustment::group, Adjustment::reason)
                .containsExactly(tuple(Adjustment.Level.CLAIM, "CO", "45"));
        assertThat(first.remarks()).as("MIA*0***138018.40 has no remark code").isEmpty();
        assertThat(first.statementTo()).isEqualTo(LocalDate.of(2002, 8, 24));
        assertThat(first.lines()).isEmpty();
        assertThat(advice.claims().get(1).remarks()).containsExactly("MA02");

        assertThat(advice.providerAdjustments()).singleElement().satisfies(plb -> {
            assertThat(plb.providerId()).isEqualTo("6543210903");
            assertThat(plb.fiscalPeriodDate()).isEqualTo(LocalDate.of(2002, 12, 31));
            assertThat(plb.reason()).isEqualTo("CV");
            assertThat(plb.reference()).isEqualTo("CP");
            assertThat(plb.amount()).isEqualByComparingTo("-1.27");
        });
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    void readsClaimOnlyAndLineOnlyAdjustmentsOfSecondaryClaims() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("linuxforhealth__secondary-payment.835").transactions().get(0);

        assertThat(advice.payment().amount()).isEqualByComparingTo("1222.00");
        assertThat(advice.payee().address().postalCode()).isEqualTo("55115");
        ClaimPayment claimOnly = advice.claims().get(0);
        assertThat(claimOnly.patientControlNumber()).isEqualTo("L0004828311");
        assertThat(claimOnly.adjustments()).extracting(Adjustment::group, Adjustment::reason, Adjustment::amount)
                .containsExactly(tuple("OA", "23", new java.math.BigDecimal("9411.64")));
        assertThat(claimOnly.amounts()).containsEntry("AU", new java.math.BigDecimal("912.00"));
        assertThat(claimOnly.lines()).isEmpty();

        ClaimPayment lineOnly = advice.claims().get(1);
        assertThat(lineOnly.patientResponsibility()).isEqualByComparingTo("220.00");
        assertThat(lineOnly.adjustments()).isEmpty();
        assertThat(lineOnly.lines()).extracting(ServiceLine::procedure, ServiceLine::modifiers, ServiceLine::revenueCode)
                .containsExactly(tuple("12345", java.util.List.of("26"), null),
                        tuple("66543", java.util.List.of("26"), "220"));
        assertThat(lineOnly.lines().get(1).adjustments())
                .extracting(Adjustment::group, Adjustment::reason, a -> a.amount().toPlainString())
                .containsExactly(tuple("PR", "1", "150.00"), tuple("PR", "2", "70.00"), tuple("CO", "42", "85.00"));
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("SVC*HC*24599.00*1766.50*187.50**1 is read shifted: code 24599, charge 1766.50, paid 187.50, units 1")
    void readsServiceLineWhoseProcedureLostItsComponentSeparator() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("linuxforhealth__tertiary-payment.835").transactions().get(0);

        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.status()).isEqualTo("3");
        ServiceLine line = claim.lines().get(0);
        assertThat(line.procedureQualifier()).isEqualTo("HC");
        assertThat(line.procedure()).isEqualTo("24599");
        assertThat(line.charge()).isEqualByComparingTo(claim.charge()).isEqualByComparingTo("1766.50");
        assertThat(line.paid()).isEqualByComparingTo(claim.paid()).isEqualByComparingTo("187.50");
        assertThat(line.revenueCode()).isNull();
        assertThat(line.units()).isEqualByComparingTo("1");
        // read in place the line would be charged 24599.00 and paid 1766.50; shifted, everything balances
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("managed-care.835 is rejected for BPR16 20002316; repaired, its claim-level CO-A2 and line PR-1 balance")
    void readsManagedCareClaimsOnceTheirPaymentDateIsValid() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parseRepaired("linuxforhealth__managed-care.835",
                "*20002316~", "*20020316~").transactions().get(0);

        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2002, 3, 16));
        assertThat(advice.payee().npi()).isEqualTo("5544667733");
        assertThat(advice.payee().references()).containsEntry("TJ", "777667755");
        ClaimPayment first = advice.claims().get(0);
        assertThat(first.adjustments()).extracting(Adjustment::group, Adjustment::reason)
                .containsExactly(tuple("CO", "A2"));
        ServiceLine line = first.lines().get(0);
        assertThat(line.procedure()).isEqualTo("99211");
        assertThat(line.paid()).as("line paid differs from claim paid").isEqualByComparingTo("500.00");
        assertThat(first.paid()).isEqualByComparingTo("450.00");
        assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2002, 3, 1));
        assertThat(line.serviceDateTo()).isEqualTo(LocalDate.of(2002, 3, 4));
        assertThat(advice.claims().get(1).lines().get(0).adjustments()).extracting(Adjustment::reason)
                .containsExactly("1", "45");
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }
}

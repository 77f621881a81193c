package org.overturn.underpayment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.ClaimRecords;

class ContractComparisonTest {

    static final BigDecimal RATE = new BigDecimal("140.00");

    static ClaimRecords.LineRecord line(String charge, String paid, String allowed, String units,
                                        ClaimRecords.AdjustmentRecord... adjustments) {
        return new ClaimRecords.LineRecord(1, 1, "90837", List.of(), null, new BigDecimal(charge),
                new BigDecimal(paid), allowed == null ? null : new BigDecimal(allowed),
                units == null ? null : new BigDecimal(units), LocalDate.of(2026, 2, 20), null, List.of(adjustments),
                List.of());
    }

    static ClaimRecords.AdjustmentRecord cas(String group, String reason, String amount) {
        return new ClaimRecords.AdjustmentRecord(group, reason, new BigDecimal(amount), null);
    }

    @Test
    void aContractualReductionDownToTheContractRateIsNoUnderpayment() {
        assertThat(ContractComparison.compare(line("200.00", "140.00", null, "1", cas("CO", "45", "60.00")), RATE))
                .isEmpty();
    }

    @Test
    void aContractualReductionBelowTheContractRateIsAnUnderpayment() {
        var shortfall = ContractComparison.compare(line("200.00", "120.00", null, "1", cas("CO", "45", "80.00")), RATE)
                .orElseThrow();

        assertThat(shortfall.underpaid()).isEqualByComparingTo("20.00");
        assertThat(shortfall.explanation()).isEqualTo("paid $20.00 below contract ($140.00 contracted, $120.00 paid)");
    }

    @Test
    void thePatientsShareIsPartOfWhatWasPaidForTheService() {
        // allowed 130 = 110 by the payer + 20 copay: 10 short of the contract, not 30
        var shortfall = ContractComparison.compare(line("200.00", "110.00", null, "1", cas("CO", "45", "70.00"),
                cas("PR", "3", "20.00")), RATE).orElseThrow();

        assertThat(shortfall.underpaid()).isEqualByComparingTo("10.00");
        assertThat(shortfall.explanation()).isEqualTo("paid $10.00 below contract ($140.00 contracted, $130.00 paid: "
                + "$110.00 by the payer, $20.00 owed by the patient)");
    }

    @Test
    void theAllowedAmountThePayerSendsIsTakenAsItIs() {
        // AMT*B6 130: sequestration (CO-253) lowers the payment, not the allowed amount
        var shortfall = ContractComparison.compare(line("200.00", "127.40", "130.00", "1", cas("CO", "45", "70.00"),
                cas("CO", "253", "2.60")), RATE).orElseThrow();

        assertThat(shortfall.allowed()).isEqualByComparingTo("130.00");
        assertThat(shortfall.underpaid()).isEqualByComparingTo("10.00");
        assertThat(ContractComparison.compare(line("200.00", "137.20", "140.00", "1", cas("CO", "45", "60.00"),
                cas("CO", "253", "2.80")), RATE)).as("sequestration alone is no underpayment").isEmpty();
    }

    @Test
    void theRateIsPerUnitAndNeverMoreThanTheCharge() {
        // four units of a 15-minute code at 25.00 a unit: 100.00 contracted, 90.00 allowed
        assertThat(ContractComparison.compare(line("160.00", "90.00", null, "4", cas("CO", "45", "70.00")),
                new BigDecimal("25.00")).orElseThrow().underpaid()).isEqualByComparingTo("10.00");
        // billed 120 for a 140 contract and paid in full: the lesser of charge and contract
        assertThat(ContractComparison.compare(line("120.00", "120.00", null, "1"), RATE)).isEmpty();
    }

    @Test
    void aDeniedPartOfALineIsTheDenialsNotAnUnderpayment() {
        // allowed 140 (CO-45 60), of which 40 denied (CO-97): the contract rate was allowed
        assertThat(ContractComparison.compare(line("200.00", "100.00", null, "1", cas("CO", "45", "60.00"),
                cas("CO", "97", "40.00")), RATE)).isEmpty();
        assertThat(ContractComparison.compare(line("200.00", "0.00", null, "1", cas("CO", "50", "200.00")), RATE))
                .as("an unpaid line is a denial").isEmpty();
    }
}

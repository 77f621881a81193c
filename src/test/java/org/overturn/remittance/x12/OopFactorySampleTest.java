package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.ServiceLine;

/** OopFactory.X12 test files: BOM, indented segments, behavioral-health codes and reversals. */
class OopFactorySampleTest {

    private static final String REVERSALS = "oopfactory__5010-example1-behavioral-health-reversals.835";

    @Test
    @DisplayName("behavioral-health file is rejected for its truncated CLP*090909*22; without it, every claim reads")
    void readsBehavioralHealthCodesStatusesAndReversals() throws MalformedX12Exception {
        RemittanceAdvice advice = withoutTruncatedClaim();

        assertThat(advice.version()).as("GS08 as sent").isEqualTo("5010");
        assertThat(advice.payment().handlingCode()).isEqualTo("H");
        assertThat(advice.payment().amount()).isEqualByComparingTo("5.75");
        assertThat(advice.payer().name()).isEqualTo("ASHTABULA COUNTY ADAMH BD");
        assertThat(advice.payee().name()).as("trailing space trimmed").isEqualTo("LAKE AREA RECOVERY CENTER");
        assertThat(advice.claims()).extracting(ClaimPayment::patientControlNumber, ClaimPayment::status)
                .containsExactly(tuple("444444", "1"), tuple("999999", "4"), tuple("888888", "4"),
                        tuple("111111", "2"), tuple("121212", "4"), tuple("333333", "1"), tuple("777777", "25"),
                        tuple("123456", "22"), tuple("090909", "22"));
        assertThat(advice.claims()).extracting(c -> c.lines().get(0))
                .extracting(ServiceLine::procedureQualifier, ServiceLine::procedure, ServiceLine::modifiers)
                .containsExactly(tuple("HC", "H0005", List.of("HF", "H9")), tuple("ZZ", "M2200", List.of("HE")),
                        tuple("ZZ", "M151000", List.of("F0")), tuple("HC", "H0005", List.of("HF", "H9")),
                        tuple("HC", "H0005", List.of("HF", "H9")), tuple("ZZ", "A0230", List.of("HF")),
                        tuple("HC", "H0015", List.of("HF", "99", "H9")), tuple("HC", "H0036", List.of("GT", "UK")),
                        tuple("HC", "H0004", List.of("HF", "H9")));

        ClaimPayment reversal = advice.claims().get(8);
        assertThat(reversal.charge()).isEqualByComparingTo("-86.76");
        assertThat(reversal.paid()).isEqualByComparingTo("-86.76");
        ServiceLine reversedLine = reversal.lines().get(0);
        assertThat(reversedLine.units()).isEqualByComparingTo("-4");
        assertThat(reversedLine.serviceDate()).isEqualTo(LocalDate.of(2004, 2, 10));
        assertThat(reversedLine.serviceDateTo()).isEqualTo(LocalDate.of(2004, 2, 11));
        assertThat(reversedLine.amounts()).containsEntry("AU", new BigDecimal("86.76"));
        assertThat(reversedLine.remarks()).containsExactly("MA92");
        assertThat(reversedLine.adjustments()).extracting(Adjustment::group, Adjustment::reason)
                .containsExactly(tuple("CR", "22"), tuple("CR", "42"), tuple("OA", "22"));

        assertThat(advice.claims().get(4).lines().get(0).adjustments())
                .extracting(Adjustment::group, Adjustment::reason, a -> a.amount().toPlainString(),
                        a -> a.quantity().toPlainString())
                .containsExactly(tuple("CO", "42", "0", "0"), tuple("OA", "23", "57.6", "0"),
                        tuple("OA", "23", "-1.08", "0"));
        assertThat(advice.claims().get(6).lines().get(0).adjustments()).extracting(Adjustment::group)
                .containsExactly("PI", "CO");
        assertThat(advice.providerAdjustments()).singleElement().satisfies(plb -> {
            assertThat(plb.reason()).isEqualTo("CV");
            assertThat(plb.reference()).isEqualTo("9876514");
            assertThat(plb.fiscalPeriodDate()).isEqualTo(LocalDate.of(1996, 9, 30));
        });
        assertThat(RemittanceBalance.problems(advice)).containsExactly("transaction 07504123: claims paid 5.75 − "
                + "provider adjustments -1.27 = 7.02 but the payment is 5.75");
    }

    @Test
    @DisplayName("its one transaction set holds the truncated claim: no payment of the file is readable, so it is refused")
    void refusesBehavioralHealthFileWhoseOnlyTransactionSetHoldsTheTruncatedClaim() {
        String text = new String(RealSample.bytes(REVERSALS), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.split("ST\\*835\\*", -1)).as("transaction sets + 1").hasSize(2);

        assertThat(RealSample.rejection(REVERSALS).getMessage())
                .isEqualTo("segment 98 (CLP): missing required element CLP03");
    }

    @Test
    @DisplayName("de-identified Nebraska Medicaid: 3 interchanges, 56 claims (39×1, 16×4, 1×2), 91 lines, 98 LQ*HE")
    void readsThreeInterchangesOfMaskedMedicaidRemittance() throws MalformedX12Exception {
        RemittanceFile file = RealSample.parse("oopfactory__deidentified-nebraska-medicaid-3-interchanges.835");

        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber,
                        RemittanceAdvice::groupControlNumber, RemittanceAdvice::controlNumber, t -> t.claims().size())
                .containsExactly(tuple("000000031", "8", "8001", 19), tuple("000000032", "9", "9001", 23),
                        tuple("000000033", "10", "10001", 14));
        List<ClaimPayment> claims = file.transactions().stream().flatMap(t -> t.claims().stream()).toList();
        Map<String, Long> statuses = claims.stream()
                .collect(Collectors.groupingBy(ClaimPayment::status, Collectors.counting()));
        assertThat(statuses).containsOnly(Map.entry("1", 39L), Map.entry("4", 16L), Map.entry("2", 1L));
        List<ServiceLine> lines = claims.stream().flatMap(c -> c.lines().stream()).toList();
        assertThat(lines).hasSize(91);
        assertThat(lines).flatExtracting(ServiceLine::remarks).hasSize(98).containsOnly("N1", "N20", "N36", "X999");
        assertThat(lines.get(0)).extracting(ServiceLine::procedureQualifier, ServiceLine::procedure)
                .containsExactly("XX", "99999");
        assertThat(lines.get(1).procedure()).isEqualTo("90716");
        List<Adjustment> adjustments = claims.stream().flatMap(c -> c.allAdjustments().stream()).toList();
        assertThat(adjustments).extracting(Adjustment::reason)
                .contains("16", "23", "24", "29", "45", "59", "165", "204");
        assertThat(adjustments).as("'.28' is an X12 decimal")
                .anySatisfy(a -> assertThat(a.amount()).isEqualByComparingTo("0.28"));
        assertThat(file.transactions().get(2).payee().idQualifier()).isEqualTo("FI");
    }

    /** The file without its truncated claim, and with the SE count that then fits. */
    private static RemittanceAdvice withoutTruncatedClaim() throws MalformedX12Exception {
        String text = new String(RealSample.bytes(REVERSALS), java.nio.charset.StandardCharsets.UTF_8);
        String repaired = text.replace("        CLP*090909*22~\n", "").replace("SE*98*07504123", "SE*97*07504123");
        assertThat(repaired).hasSize(text.length() - "        CLP*090909*22~\n".length());
        return org.overturn.remittance.RemittanceParser.standard()
                .parse(org.overturn.remittance.Edi835.stream(repaired)).transactions().get(0);
    }
}

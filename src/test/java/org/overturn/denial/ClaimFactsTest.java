package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overturn.denial.Claims.claim;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClaimFactsTest {

    private static ClaimFacts factsOf(Claims builder) {
        var claim = builder.build();
        return ClaimFacts.of(claim, new DenialDetector().assess(claim).orElseThrow());
    }

    @Test
    void takesCodesFromTheDeniedLinesOnly() {
        ClaimFacts facts = factsOf(claim("1", "300", "150")
                .line("90834", "150", "150", "95").lineAdjust("CO", "45", "10")
                .line("90785", "150", "0", "59").lineAdjust("CO", "97", "150"));

        assertThat(facts.procedures()).containsExactly("90785");
        assertThat(facts.modifiers()).containsExactly("59");
        assertThat(facts.hasTelehealthModifier()).isFalse();
        assertThat(facts.isPsychotherapyTimeCode()).isFalse();
    }

    @Test
    void takesEveryLineWhenTheDenialIsAtClaimLevel() {
        ClaimFacts facts = factsOf(claim("4", "300", "0").adjust("CO", "197", "300")
                .line("90837", "150", "0", "95").line("90785", "150", "0"));

        assertThat(facts.procedures()).containsExactly("90837", "90785");
        assertThat(facts.hasTelehealthModifier()).isTrue();
        assertThat(facts.isPsychotherapyTimeCode()).isTrue();
    }

    @Test
    void collectsCarcsAndRemarksOfClaimAndLinesWithThePrimaryGroup() {
        ClaimFacts facts = factsOf(claim("1", "300", "100").adjust("PR", "2", "20").remark("MA01")
                .line("90834", "300", "100").lineAdjust("OA", "18", "180").lineRemark("N54", "MA01"));

        assertThat(facts.primaryCarc()).isEqualTo("18");
        assertThat(facts.primaryGroup()).isEqualTo("OA");
        assertThat(facts.carcs()).containsExactly("2", "18");
        assertThat(facts.rarcs()).containsExactly("MA01", "N54");
        assertThat(facts.claimStatus()).isEqualTo("1");
        assertThat(facts.filingIndicator()).isEqualTo("12");
    }

    @Test
    void readsClp08AsPlaceOfServiceOnProfessionalClaimsOnly() {
        ClaimFacts professional = factsOf(claim("4", "100", "0").facility("02")
                .line("90834", "100", "0").lineAdjust("CO", "5", "100"));
        ClaimFacts institutional = factsOf(claim("4", "100", "0").facility("13")
                .revenueLine("0913", "100", "0").lineAdjust("CO", "197", "100"));

        assertThat(professional.placeOfService()).isEqualTo("02");
        assertThat(institutional.placeOfService()).isNull();
        assertThat(professional.withPlaceOfService("10").placeOfService()).isEqualTo("10");
    }

    @Test
    void recognisesPerDiemLevelsOfCareByHcpcsOrRevenueCode() {
        ClaimFacts byRevenue = factsOf(claim("4", "100", "0").revenueLine("912", "100", "0")
                .lineAdjust("CO", "197", "100"));
        ClaimFacts bySvc04 = factsOf(claim("4", "100", "0").hcpcsLineWithRevenue("H0035", "0912", "100", "0")
                .lineAdjust("CO", "197", "100"));
        ClaimFacts outpatient = factsOf(claim("4", "100", "0").line("90834", "100", "0")
                .lineAdjust("CO", "197", "100"));

        assertThat(byRevenue.procedures()).containsExactly("0912");
        assertThat(byRevenue.isPerDiemLevelOfCare()).isTrue();
        assertThat(bySvc04.procedures()).containsExactly("H0035", "0912");
        assertThat(bySvc04.isPerDiemLevelOfCare()).isTrue();
        assertThat(outpatient.isPerDiemLevelOfCare()).isFalse();
    }

    @Test
    void normalisesCodesAndDropsBlanksAndRepeats() {
        ClaimFacts facts = new ClaimFacts(" b7 ", "co", List.of("b7", "B7", " "), null, "4", "mc",
                List.of("h0015"), List.of("gt"), "", "PAYER1");

        assertThat(facts.primaryCarc()).isEqualTo("B7");
        assertThat(facts.primaryGroup()).isEqualTo("CO");
        assertThat(facts.carcs()).containsExactly("B7");
        assertThat(facts.rarcs()).isEmpty();
        assertThat(facts.placeOfService()).isNull();
        assertThat(facts.hasTelehealthModifier()).isTrue();
        assertThat(facts.isPerDiemLevelOfCare()).isTrue();
        assertThat(facts.withPayerId("P2").payerId()).isEqualTo("P2");
    }

    @Test
    void hasNoPrimaryWhenTheDenialHasNoReason() {
        var claim = claim("4", "100", "0").adjust("PR", "1", "100").build();
        ClaimFacts facts = ClaimFacts.of(claim, new DenialAssessment(DenialKind.FULL, null, new BigDecimal("100.00")));

        assertThat(facts.primaryCarc()).isNull();
        assertThat(facts.primaryGroup()).isNull();
        assertThat(facts.carcs()).containsExactly("1");
    }
}

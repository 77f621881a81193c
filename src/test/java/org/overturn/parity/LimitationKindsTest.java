package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.parity.ParityFacts.Answer;
import org.overturn.parity.ParityFacts.Funding;

/**
 * Each kind of limitation beyond visit and day caps, from the claim's codes and the payer's facts through the
 * decision table, under both parity families (MHPAEA and Medicaid managed care).
 */
class LimitationKindsTest {

    private static final ParityScreen SCREEN = new ParityScreen(null, null, null, null, null, null);

    static final LimitationSignal.Line OFFICE_VISIT = new LimitationSignal.Line(List.of(), new BigDecimal("120.00"),
            null, null);

    static ParityFacts facts(Answer stepTherapyForMedical, Answer telehealthForMedical, Integer reviewBehavioral,
                             Integer reviewMedical, Integer rateBehavioral, Integer rateMedical,
                             List<ParityFacts.FinancialRequirement> financial) {
        return new ParityFacts("P", Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Funding.SELF_FUNDED_ERISA, "PA",
                Answer.NO, Answer.UNKNOWN, stepTherapyForMedical, telehealthForMedical, reviewBehavioral,
                reviewMedical, rateBehavioral, rateMedical, financial);
    }

    static final ParityFacts NOTHING_KNOWN = facts(Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, List.of());

    static LimitationSignal.Claim claim(String rootCause, LevelOfCare level, List<String> carcs, List<String> rarcs,
                                        LimitationSignal.Line... lines) {
        return new LimitationSignal.Claim(rootCause, level, List.of("90837"), carcs, rarcs, List.of(lines));
    }

    static Stream<Arguments> kinds() {
        var outpatientMedical = List.of(new ParityFacts.FinancialRequirement(Classification.OUTPATIENT_IN_NETWORK,
                new BigDecimal("20.00"), new BigDecimal("20"), "2026 summary of benefits, page 2"));
        return Stream.of(
                Arguments.of("out of network (CARC 242)", claim("CREDENTIALING", LevelOfCare.OUTPATIENT,
                        List.of("242"), List.of(), OFFICE_VISIT), NOTHING_KNOWN, LimitationSignal.NETWORK_ADMISSION,
                        "NQTL_NETWORK_ADMISSION", "POSSIBLE"),
                Arguments.of("narrow network (CARC 279)", claim("CREDENTIALING", LevelOfCare.OUTPATIENT,
                        List.of("279"), List.of(), OFFICE_VISIT), NOTHING_KNOWN, LimitationSignal.NETWORK_ADMISSION,
                        "NQTL_NETWORK_ADMISSION", "POSSIBLE"),
                Arguments.of("provider specialty (CARC 172) is a credential restriction, not network admission",
                        claim("OTHER", LevelOfCare.OUTPATIENT, List.of("172"), List.of(), OFFICE_VISIT),
                        NOTHING_KNOWN, LimitationSignal.PROVIDER_CREDENTIAL, "NQTL_PROVIDER_CREDENTIAL", "POSSIBLE"),
                Arguments.of("provider type may not bill (RARC N95)", claim("CREDENTIALING", LevelOfCare.OUTPATIENT,
                        List.of("185"), List.of("N95"), OFFICE_VISIT), NOTHING_KNOWN,
                        LimitationSignal.PROVIDER_CREDENTIAL, "NQTL_PROVIDER_CREDENTIAL", "POSSIBLE"),
                Arguments.of("fail-first (CARC B8), none for medical", claim("MEDICAL_NECESSITY",
                        LevelOfCare.INTENSIVE_OUTPATIENT, List.of("B8"), List.of(), OFFICE_VISIT),
                        facts(Answer.NO, Answer.UNKNOWN, null, null, null, null, List.of()),
                        LimitationSignal.STEP_THERAPY_NOT_ON_MEDICAL, "NQTL_STEP_THERAPY", "LIKELY"),
                Arguments.of("prior treatment missing (RARC N683)", claim("MEDICAL_NECESSITY",
                        LevelOfCare.RESIDENTIAL, List.of("50"), List.of("N683"), OFFICE_VISIT), NOTHING_KNOWN,
                        LimitationSignal.STEP_THERAPY, "NQTL_STEP_THERAPY", "POSSIBLE"),
                Arguments.of("telehealth refused, medical telehealth unrestricted", claim("NON_COVERED",
                        LevelOfCare.OUTPATIENT, List.of("96"), List.of(), new LimitationSignal.Line(List.of("95"),
                                null, null, null)), facts(Answer.UNKNOWN, Answer.NO, null, null, null, null, List.of()),
                        LimitationSignal.TELEHEALTH_NOT_ON_MEDICAL, "NQTL_TELEHEALTH", "LIKELY"),
                Arguments.of("audio-only session refused as telehealth", claim("TELEHEALTH", LevelOfCare.OUTPATIENT,
                        List.of("5"), List.of(), new LimitationSignal.Line(List.of("FQ"), null, null, null)),
                        NOTHING_KNOWN, LimitationSignal.TELEHEALTH, "NQTL_TELEHEALTH", "POSSIBLE"),
                Arguments.of("stay cut at a review made every 3 days against 7 for medical", claim("AUTHORIZATION",
                        LevelOfCare.RESIDENTIAL, List.of("198"), List.of(), OFFICE_VISIT),
                        facts(Answer.UNKNOWN, Answer.UNKNOWN, 3, 7, null, null, List.of()),
                        LimitationSignal.REVIEW_MORE_FREQUENT, "NQTL_CONCURRENT_REVIEW_FREQUENCY", "LIKELY"),
                Arguments.of("fee schedule 80% of Medicare against 110% for medical", claim("OTHER",
                        LevelOfCare.OUTPATIENT, List.of("45", "16"), List.of(), OFFICE_VISIT),
                        facts(Answer.UNKNOWN, Answer.UNKNOWN, null, null, 80, 110, List.of()),
                        LimitationSignal.REIMBURSEMENT_BELOW_MEDICAL, "NQTL_REIMBURSEMENT_RATE", "LIKELY"),
                Arguments.of("copay $40 against $20 for a medical office visit", claim("OTHER",
                        LevelOfCare.OUTPATIENT, List.of("16"), List.of(), new LimitationSignal.Line(List.of(),
                                new BigDecimal("120.00"), new BigDecimal("40.00"), null)),
                        facts(Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, outpatientMedical),
                        LimitationSignal.FINANCIAL_ABOVE_MEDICAL, "FINANCIAL_REQUIREMENT", "LIKELY"),
                Arguments.of("coinsurance 30% against 20% for medical", claim("OTHER", LevelOfCare.OUTPATIENT,
                        List.of("16"), List.of(), new LimitationSignal.Line(List.of(), new BigDecimal("100.00"), null,
                                new BigDecimal("30.00"))),
                        facts(Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, outpatientMedical),
                        LimitationSignal.FINANCIAL_ABOVE_MEDICAL, "FINANCIAL_REQUIREMENT", "LIKELY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void findsTheLimitationUnderMhpaea(String name, LimitationSignal.Claim claim, ParityFacts facts,
                                       LimitationSignal signal, String limitation, String risk) {
        assertThat(LimitationSignal.of(claim, facts)).isEqualTo(signal);
        var decision = decide("COMMERCIAL", claim, facts, signal);

        assertThat(decision.regime()).isEqualTo("MHPAEA");
        assertThat(decision.limitation()).isEqualTo(limitation);
        assertThat(decision.risk().name()).isEqualTo(risk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void findsTheLimitationUnderSubpartK(String name, LimitationSignal.Claim claim, ParityFacts facts,
                                         LimitationSignal signal, String limitation, String risk) {
        var decision = decide("MEDICAID", claim, facts, LimitationSignal.of(claim, facts));

        assertThat(decision.regime()).isEqualTo("MEDICAID_MANAGED_CARE");
        assertThat(decision.limitation()).isEqualTo(limitation);
        assertThat(decision.risk().name()).isEqualTo(risk);
    }

    @Test
    void aPsychiatricReductionIsAFinancialRequirement() {
        var claim = claim("OTHER", LevelOfCare.OUTPATIENT, List.of("122"), List.of(), OFFICE_VISIT);

        var decision = decide("COMMERCIAL", claim, NOTHING_KNOWN, LimitationSignal.of(claim, NOTHING_KNOWN));

        assertThat(decision.limitation()).isEqualTo("FINANCIAL_REQUIREMENT");
        assertThat(decision.risk().name()).isEqualTo("LIKELY");
    }

    @Test
    void costSharingAtOrBelowTheMedicalOneIsNoSignalAndNoFactsNoComparison() {
        var medical = List.of(new ParityFacts.FinancialRequirement(Classification.OUTPATIENT_IN_NETWORK,
                new BigDecimal("20.00"), new BigDecimal("20"), "summary of benefits"));
        var same = claim("OTHER", LevelOfCare.OUTPATIENT, List.of("16"), List.of(), new LimitationSignal.Line(List.of(),
                new BigDecimal("100.00"), new BigDecimal("20.00"), new BigDecimal("20.00")));
        var inpatientOnly = List.of(new ParityFacts.FinancialRequirement(Classification.INPATIENT_IN_NETWORK,
                new BigDecimal("5.00"), null, "summary of benefits"));
        var copay40 = claim("OTHER", LevelOfCare.OUTPATIENT, List.of("16"), List.of(),
                new LimitationSignal.Line(List.of(), new BigDecimal("100.00"), new BigDecimal("40.00"), null));

        assertThat(LimitationSignal.of(same, facts(Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, medical)))
                .isEqualTo(LimitationSignal.NONE);
        assertThat(LimitationSignal.of(copay40, facts(Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null,
                inpatientOnly))).as("only the same classification compares").isEqualTo(LimitationSignal.NONE);
        assertThat(LimitationSignal.of(copay40, NOTHING_KNOWN)).isEqualTo(LimitationSignal.NONE);
    }

    @Test
    void classifiesTheServicesAsParityComparesThem() {
        assertThat(Classification.of(LevelOfCare.RESIDENTIAL, List.of("H0018"), List.of()))
                .isEqualTo(Classification.INPATIENT_IN_NETWORK);
        assertThat(Classification.of(LevelOfCare.INTENSIVE_OUTPATIENT, List.of("S9480"), List.of("242")))
                .isEqualTo(Classification.OUTPATIENT_OUT_OF_NETWORK);
        assertThat(Classification.of(LevelOfCare.OUTPATIENT, List.of("0450", "90791"), List.of()))
                .isEqualTo(Classification.EMERGENCY);
        assertThat(Classification.of(LevelOfCare.OUTPATIENT, List.of("0250"), List.of()))
                .isEqualTo(Classification.PRESCRIPTION_DRUGS);
    }

    private static ParityScreen.Decision decide(String family, LimitationSignal.Claim claim, ParityFacts facts,
                                                LimitationSignal signal) {
        return SCREEN.decide(new ParityScreen.Inputs(family, claim.rootCause(), claim.levelOfCare(),
                List.copyOf(claim.carcs()), List.copyOf(claim.rarcs()), facts, signal));
    }
}

package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.parity.ParityFacts.Answer;
import org.overturn.parity.ParityFacts.Funding;

/**
 * The parity-screen table over realistic behavioral-health denials, including the ones that must not escalate:
 * Medicare and TRICARE claims, and coding or administrative errors under any plan.
 */
class ParityScreenTableTest {

    private static final ParityScreen SCREEN = new ParityScreen(null, null, null, null, null, null);

    static ParityFacts payer(Answer paForMedical, Answer concurrentForMedical, Answer visitLimitsForMedical) {
        return new ParityFacts("P", paForMedical, concurrentForMedical, visitLimitsForMedical, Funding.UNKNOWN, null);
    }

    static final ParityFacts UNKNOWN = ParityFacts.unknown("P");

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, plan type, root cause, level of care, CARCs, payer facts -> regime, limitation, risk
                Arguments.of("90837 denied CO-50 by a commercial plan", "COMMERCIAL", "MEDICAL_NECESSITY",
                        LevelOfCare.OUTPATIENT, List.of("50"), UNKNOWN, "MHPAEA", "NQTL_MEDICAL_NECESSITY", "POSSIBLE"),
                Arguments.of("IOP (S9480) denied as not medically necessary", "COMMERCIAL", "MEDICAL_NECESSITY",
                        LevelOfCare.INTENSIVE_OUTPATIENT, List.of("50"), UNKNOWN, "MHPAEA", "NQTL_MEDICAL_NECESSITY",
                        "LIKELY"),
                Arguments.of("residential SUD (H0018) excluded as non-covered", "COMMERCIAL", "NON_COVERED",
                        LevelOfCare.RESIDENTIAL, List.of("96"), UNKNOWN, "MHPAEA", "NQTL_SERVICE_EXCLUSION", "LIKELY"),
                Arguments.of("family therapy 90847 non-covered", "COMMERCIAL", "NON_COVERED", LevelOfCare.OUTPATIENT,
                        List.of("204"), UNKNOWN, "MHPAEA", "NQTL_SERVICE_EXCLUSION", "POSSIBLE"),
                Arguments.of("psychiatric reduction (CO-122) is a financial requirement, not a visit limit",
                        "COMMERCIAL", "BENEFIT_LIMIT", LevelOfCare.OUTPATIENT, List.of("45", "122"),
                        payer(Answer.UNKNOWN, Answer.UNKNOWN, Answer.NO), "MHPAEA", "FINANCIAL_REQUIREMENT", "LIKELY"),
                Arguments.of("psychiatric reduction by a Medicaid managed-care plan", "MEDICAID", "BENEFIT_LIMIT",
                        LevelOfCare.OUTPATIENT, List.of("122"), UNKNOWN, "MEDICAID_MANAGED_CARE",
                        "FINANCIAL_REQUIREMENT", "LIKELY"),
                Arguments.of("psychiatric reduction by Medicare: no parity regime", "MEDICARE", "BENEFIT_LIMIT",
                        LevelOfCare.OUTPATIENT, List.of("122"), UNKNOWN, "NONE", "NONE", "NONE"),
                Arguments.of("20-visit therapy cap reached (CO-119), no medical caps", "COMMERCIAL", "BENEFIT_LIMIT",
                        LevelOfCare.OUTPATIENT, List.of("119"), payer(Answer.UNKNOWN, Answer.UNKNOWN, Answer.NO),
                        "MHPAEA", "QUANTITATIVE_VISIT_LIMIT", "LIKELY"),
                Arguments.of("visit cap when medical benefits have caps too", "COMMERCIAL", "BENEFIT_LIMIT",
                        LevelOfCare.OUTPATIENT, List.of("119"), payer(Answer.UNKNOWN, Answer.UNKNOWN, Answer.YES),
                        "MHPAEA", "QUANTITATIVE_VISIT_LIMIT", "POSSIBLE"),
                Arguments.of("prior auth for outpatient therapy, none for office visits", "COMMERCIAL",
                        "AUTHORIZATION", LevelOfCare.OUTPATIENT, List.of("197"),
                        payer(Answer.NO, Answer.UNKNOWN, Answer.UNKNOWN), "MHPAEA", "NQTL_PRIOR_AUTHORIZATION", "LIKELY"),
                Arguments.of("prior auth missing, medical PA rules unknown", "COMMERCIAL", "AUTHORIZATION",
                        LevelOfCare.OUTPATIENT, List.of("197"), UNKNOWN, "MHPAEA", "NQTL_PRIOR_AUTHORIZATION",
                        "POSSIBLE"),
                Arguments.of("PHP days cut by concurrent review (CO-198), none for medical stays", "COMMERCIAL",
                        "AUTHORIZATION", LevelOfCare.PARTIAL_HOSPITALIZATION, List.of("198"),
                        payer(Answer.UNKNOWN, Answer.NO, Answer.UNKNOWN), "MHPAEA", "NQTL_CONCURRENT_REVIEW", "LIKELY"),
                Arguments.of("IOP days over the plan's maximum (CO-50 with N362), no medical day limits", "COMMERCIAL",
                        "MEDICAL_NECESSITY", LevelOfCare.INTENSIVE_OUTPATIENT, List.of("50", "N362"),
                        payer(Answer.UNKNOWN, Answer.UNKNOWN, Answer.NO), "MHPAEA", "QUANTITATIVE_VISIT_LIMIT", "LIKELY"),
                Arguments.of("units over a maximum but the plan caps medical visits too", "COMMERCIAL",
                        "MEDICAL_NECESSITY", LevelOfCare.OUTPATIENT, List.of("50", "N362"),
                        payer(Answer.UNKNOWN, Answer.UNKNOWN, Answer.YES), "MHPAEA", "NQTL_MEDICAL_NECESSITY", "POSSIBLE"),
                Arguments.of("units over a maximum on a coding denial stays administrative", "COMMERCIAL", "CODING",
                        LevelOfCare.OUTPATIENT, List.of("150", "N362"), UNKNOWN, "MHPAEA", "NONE", "NONE"),
                Arguments.of("LCSW not admitted to the network", "COMMERCIAL", "CREDENTIALING", LevelOfCare.OUTPATIENT,
                        List.of("185"), UNKNOWN, "MHPAEA", "NQTL_PROVIDER_NETWORK", "POSSIBLE"),
                Arguments.of("Medicaid MCO denies IOP as not necessary", "MEDICAID", "MEDICAL_NECESSITY",
                        LevelOfCare.INTENSIVE_OUTPATIENT, List.of("50"), UNKNOWN, "MEDICAID_MANAGED_CARE",
                        "NQTL_MEDICAL_NECESSITY", "LIKELY"),
                // must not escalate
                Arguments.of("Medicare Part B medical necessity (LCD)", "MEDICARE", "MEDICAL_NECESSITY",
                        LevelOfCare.OUTPATIENT, List.of("50"), UNKNOWN, "NONE", "NONE", "NONE"),
                Arguments.of("Medicare Advantage IOP not covered", "MEDICARE_ADVANTAGE", "NON_COVERED",
                        LevelOfCare.INTENSIVE_OUTPATIENT, List.of("96"), UNKNOWN, "NONE", "NONE", "NONE"),
                Arguments.of("TRICARE visit limit", "TRICARE", "BENEFIT_LIMIT", LevelOfCare.OUTPATIENT, List.of("119"),
                        UNKNOWN, "NONE", "NONE", "NONE"),
                Arguments.of("90837 billed for a 45-minute session (coding)", "COMMERCIAL", "CODING",
                        LevelOfCare.OUTPATIENT, List.of("150"), UNKNOWN, "MHPAEA", "NONE", "NONE"),
                Arguments.of("telehealth modifier missing", "COMMERCIAL", "TELEHEALTH", LevelOfCare.OUTPATIENT,
                        List.of("5"), UNKNOWN, "MHPAEA", "NONE", "NONE"),
                Arguments.of("filed late", "MEDICAID", "TIMELY_FILING", LevelOfCare.OUTPATIENT, List.of("29"), UNKNOWN,
                        "MEDICAID_MANAGED_CARE", "NONE", "NONE"),
                Arguments.of("duplicate claim", "COMMERCIAL", "DUPLICATE", LevelOfCare.OUTPATIENT, List.of("18"),
                        UNKNOWN, "MHPAEA", "NONE", "NONE"),
                Arguments.of("plan type unknown", "OTHER", "MEDICAL_NECESSITY", LevelOfCare.RESIDENTIAL, List.of("50"),
                        UNKNOWN, "NONE", "NONE", "NONE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void screens(String name, String planType, String rootCause, LevelOfCare level, List<String> carcs,
                 ParityFacts payer, String regime, String limitation, String risk) {
        List<String> rarcs = carcs.stream().filter(c -> c.startsWith("N") || c.startsWith("M")).toList();
        List<String> adjustments = carcs.stream().filter(c -> !rarcs.contains(c)).toList();
        ParityScreen.Decision decision = SCREEN.decide(new ParityScreen.Inputs(planType, rootCause, level, adjustments,
                rarcs, payer));

        assertThat(decision.regime()).isEqualTo(regime);
        assertThat(decision.limitation()).isEqualTo(limitation);
        assertThat(decision.risk().name()).isEqualTo(risk);
        assertThat(decision.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void readsTheLevelOfCareFromTheCodes(List<String> codes, LevelOfCare level) {
        assertThat(LevelOfCare.of(codes)).isEqualTo(level);
    }

    static Stream<Arguments> levels() {
        return Stream.of(Arguments.of(List.of("90837", "90785"), LevelOfCare.OUTPATIENT),
                Arguments.of(List.of("S9480"), LevelOfCare.INTENSIVE_OUTPATIENT),
                Arguments.of(List.of("H0015"), LevelOfCare.INTENSIVE_OUTPATIENT),
                Arguments.of(java.util.Arrays.asList("H0035", null), LevelOfCare.PARTIAL_HOSPITALIZATION),
                Arguments.of(List.of("0913"), LevelOfCare.PARTIAL_HOSPITALIZATION),
                Arguments.of(List.of("H0018", "90853"), LevelOfCare.RESIDENTIAL),
                Arguments.of(List.of("H0010"), LevelOfCare.WITHDRAWAL_MANAGEMENT),
                Arguments.of(List.of("99223", "H0035"), LevelOfCare.INPATIENT));
    }
}

package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overturn.denial.Claims.claim;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DenialDetectorTest {

    private final DenialDetector detector = new DenialDetector();

    @Test
    void deniedStatusIsAFullDenial() {
        var claim = claim("4", "150.00", "0").adjust("CO", "197", "150.00").remark("N54").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.FULL, "197", new BigDecimal("150.00")));
    }

    @Test
    void nothingPaidWithANonRoutineAdjustmentIsAFullDenialWhateverTheStatus() {
        var claim = claim("1", "200", "0").adjust("CO", "45", "40").adjust("CO", "50", "160").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.FULL, "50", new BigDecimal("160.00")));
    }

    @Test
    void paidWithANonRoutineAdjustmentIsAPartialDenial() {
        var claim = claim("1", "300", "100").adjust("CO", "45", "50").adjust("CO", "119", "150").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.PARTIAL, "119", new BigDecimal("150.00")));
    }

    @Test
    void routineAdjustmentsAloneAreNoDenial() {
        var claim = claim("1", "200", "120").adjust("CO", "45", "50").adjust("OA", "23", "10").adjust("PI", "253", "2")
                .adjust("CO", "131", "8").adjust("CO", "A2", "5").adjust("PR", "3", "5").build();

        assertThat(detector.assess(claim)).isEmpty();
    }

    @Test
    void everyRoutineCarcIsRoutineUnderEachOfCoOaAndPi() {
        for (String group : new String[] {"CO", "OA", "PI"}) {
            for (String carc : new String[] {"23", "24", "42", "45", "44", "94", "104", "105", "131", "253", "A2"}) {
                var claim = claim("1", "100", "0").adjust(group, carc, "100").build();
                assertThat(detector.assess(claim)).as(group + "-" + carc).isEmpty();
            }
        }
    }

    @Test
    void patientResponsibilityIsNeverADenialWhateverTheReason() {
        var paidNothing = claim("1", "150", "0").adjust("PR", "1", "100").adjust("PR", "204", "50").build();
        var paidSome = claim("1", "150", "50").adjust("PR", "2", "20").adjust("PR", "197", "80").build();

        assertThat(detector.assess(paidNothing)).isEmpty();
        assertThat(detector.assess(paidSome)).isEmpty();
    }

    @Test
    void reversalIsNeverANewDenial() {
        var reversal = claim("22", "-150", "-150").adjust("CO", "197", "-150").build();
        var reversalOfDenial = claim("22", "150", "0").adjust("CO", "197", "150").build();

        assertThat(detector.assess(reversal)).isEmpty();
        assertThat(detector.assess(reversalOfDenial)).isEmpty();
    }

    @Test
    void tiedAmountsMakeTheFirstAdjustmentInTheFilePrimary() {
        var claim = claim("4", "200", "0").adjust("CO", "16", "100").adjust("CO", "197", "100").build();

        assertThat(detector.assess(claim)).get().extracting(DenialAssessment::primaryReason).isEqualTo("16");
    }

    @Test
    void claimLevelAdjustmentWinsATieWithALineLevelOne() {
        var claim = claim("1", "200", "100").line("90837", "200", "100").lineAdjust("CO", "97", "50")
                .adjust("OA", "18", "50").build();

        assertThat(detector.assess(claim)).get().extracting(DenialAssessment::primaryReason).isEqualTo("18");
    }

    @Test
    void fullDenialWithoutAnyAdjustmentPutsTheWholeChargeAtRisk() {
        var claim = claim("4", "175.50", "0").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.FULL, null, new BigDecimal("175.50")));
        assertThat(detector.notADenial(claim)).isEmpty();
    }

    @Test
    void deniedStatusWithOnlyCapitationIsACapitatedServiceNotADenial() {
        var claim = claim("4", "120", "0").line("90834", "120", "0").lineAdjust("CO", "24", "120").build();

        assertThat(detector.assess(claim)).isEmpty();
        assertThat(detector.notADenial(claim)).contains(NotADenial.CAPITATED);
    }

    @Test
    void deniedStatusWithOnlyRoutineAdjustmentsIsNotADenial() {
        var priorPayer = claim("4", "300", "0").adjust("CO", "23", "300").build();
        var patientOwes = claim("4", "175.50", "0").adjust("PR", "1", "175.50").build();

        assertThat(detector.assess(priorPayer)).isEmpty();
        assertThat(detector.notADenial(priorPayer)).contains(NotADenial.ROUTINE_ADJUSTMENTS);
        assertThat(detector.assess(patientOwes)).isEmpty();
        assertThat(detector.notADenial(patientOwes)).contains(NotADenial.ROUTINE_ADJUSTMENTS);
    }

    @Test
    void capitationBesideANonRoutineReasonIsStillADenial() {
        var claim = claim("4", "200", "0").adjust("CO", "24", "150").adjust("CO", "204", "50").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.FULL, "204", new BigDecimal("50.00")));
        assertThat(detector.notADenial(claim)).isEmpty();
    }

    @Test
    void predeterminationIsNeverADenial() {
        var claim = claim("25", "400", "0").adjust("CO", "197", "400").build();

        assertThat(detector.assess(claim)).isEmpty();
        assertThat(detector.notADenial(claim)).contains(NotADenial.PREDETERMINATION);
    }

    @Test
    void aPaidClaimIsNeitherADenialNorCountedApart() {
        var claim = claim("1", "150", "100").adjust("CO", "45", "50").build();

        assertThat(detector.notADenial(claim)).isEmpty();
    }

    @Test
    void fullDenialWithOnlyAZeroNonRoutineAdjustmentStillNamesItsReason() {
        var claim = claim("4", "90", "0").adjust("CO", "16", "0").remark("MA130").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.FULL, "16", new BigDecimal("90.00")));
    }

    @Test
    void countsLineLevelAdjustmentsInTheAmountAtRisk() {
        var claim = claim("1", "400", "150")
                .adjust("CO", "16", "20")
                .line("90837", "200", "150").lineAdjust("CO", "45", "30")
                .line("90785", "200", "0").lineAdjust("CO", "97", "180").lineAdjust("PR", "2", "20")
                .build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.PARTIAL, "97", new BigDecimal("200.00")));
    }

    @Test
    void lineLevelDenialAloneMakesAPartialDenial() {
        var claim = claim("1", "300", "150").line("90834", "150", "150")
                .line("90785", "150", "0").lineAdjust("OA", "B15", "150").build();

        assertThat(detector.assess(claim))
                .contains(new DenialAssessment(DenialKind.PARTIAL, "B15", new BigDecimal("150.00")));
    }

    @Test
    void treatsFourOhOneZeroCorrectionGroupLikeContractualObligation() {
        var denied = claim("1", "100", "60").adjust("CR", "16", "40").build();
        var routine = claim("1", "100", "60").adjust("CR", "45", "40").build();

        assertThat(detector.assess(denied))
                .contains(new DenialAssessment(DenialKind.PARTIAL, "16", new BigDecimal("40.00")));
        assertThat(detector.assess(routine)).isEmpty();
    }

    @Test
    void ignoresAdjustmentsWithAnUnknownGroup() {
        var claim = claim("1", "100", "60").adjust("XX", "16", "40").build();

        assertThat(detector.assess(claim)).isEmpty();
    }

    @Test
    void zeroAmountNonRoutineAdjustmentOnAPaidClaimIsNoDenial() {
        var claim = claim("1", "100", "100").adjust("CO", "16", "0").build();

        assertThat(detector.assess(claim)).isEmpty();
    }

    @Test
    void sumsAmountsAtScaleTwo() {
        var claim = claim("1", "100", "50").adjust("CO", "16", "10.005").adjust("OA", "18", "5").build();

        assertThat(detector.assess(claim)).get().extracting(DenialAssessment::amountAtRisk)
                .isEqualTo(new BigDecimal("15.01"));
    }
}

package org.overturn.codeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BehavioralHealthCodesTest {

    private final BehavioralHealthCodes codes = BehavioralHealthCodes.shipped();

    @Test
    void givesEveryCodeItsSourceAndYear() {
        assertThat(codes.entries()).hasSizeGreaterThan(70).allSatisfy(e -> {
            assertThat(e.source()).as(e.code()).isIn("CMS-TH", "HCPCS", "NUBC", "MOD", "POS");
            assertThat(e.asOf()).as(e.code()).matches("20\\d\\d");
            assertThat(e.meaning()).as(e.code()).isNotBlank();
        });
    }

    @Test
    void holdsTheBehavioralHealthCodesOfIssue17() {
        assertThat(codes.codes(CodeSet.CRISIS)).containsExactlyInAnyOrder("90839", "90840");
        assertThat(codes.codes(CodeSet.DIAGNOSTIC_EVALUATION)).containsExactlyInAnyOrder("90791", "90792");
        assertThat(codes.codes(CodeSet.FAMILY)).containsExactlyInAnyOrder("90846", "90847");
        assertThat(codes.codes(CodeSet.GROUP)).containsExactly("90853");
        assertThat(codes.codes(CodeSet.PSYCHOLOGICAL_TESTING)).contains("96130", "96131", "96132", "96133", "96136",
                "96137", "96138", "96139");
        assertThat(codes.codes(CodeSet.LICENSE_MODIFIER)).containsExactlyInAnyOrder("HN", "HO", "HP", "AH", "AJ");
        assertThat(codes.codes(CodeSet.PROGRAM_MODIFIER)).containsExactlyInAnyOrder("HA", "HB");
        assertThat(codes.codes(CodeSet.TELEHEALTH_MODIFIER)).containsExactlyInAnyOrder("95", "GT", "FQ", "93");
        assertThat(List.of("S0201", "S9480", "S9475", "H0035", "H0015", "H2036", "0905", "0906", "0912", "0913",
                "1002", "0116", "0126")).allSatisfy(c -> assertThat(codes.isPerDiemLevelOfCare(c)).as(c).isTrue());
        assertThat(codes.isPerDiemLevelOfCare("H0014")).as("ambulatory detox is billed by the service").isFalse();
        assertThat(codes.isPerDiemLevelOfCare("90837")).isFalse();
    }

    @Test
    void substanceUseListAgreesWithTheLevelsOfCare() {
        // every level-of-care code that names alcohol, drug or chemical-dependency care is a Part 2 service
        assertThat(codes.entries()).filteredOn(e -> e.set().name().startsWith("LEVEL_"))
                .filteredOn(e -> e.meaning().matches(".*(alcohol|drug|chemical|detoxification|substance).*"))
                .hasSizeGreaterThan(15)
                .allSatisfy(e -> assertThat(codes.isSubstanceUse(e.code())).as(e.code()).isTrue());
        assertThat(List.of("H2036", "1002", "0116", "0126", "H0015", "S9475", "0906", "H0001", "H0020", "G2067",
                "99408")).allSatisfy(c -> assertThat(codes.isSubstanceUse(c)).as(c).isTrue());
        assertThat(codes.isSubstanceUse("116")).as("revenue code without its leading zero").isTrue();
        assertThat(List.of("90837", "H0035", "S9480", "0905", "0912", "1001", "0114", "99223"))
                .allSatisfy(c -> assertThat(codes.isSubstanceUse(c)).as(c).isFalse());
    }

    @Test
    void tellsALicenseModifierThatDoesNotFitTheLicense() {
        assertThat(codes.licenseModifierMismatch(List.of("HO"), "PSYCHOLOGIST")).isTrue();
        assertThat(codes.licenseModifierMismatch(List.of("HP"), "PSYCHOLOGIST")).isFalse();
        assertThat(codes.licenseModifierMismatch(List.of("AJ", "95"), "LCSW")).isFalse();
        assertThat(codes.licenseModifierMismatch(List.of("HO"), "PSYCHIATRIST")).isTrue();
        assertThat(codes.licenseModifierMismatch(List.of("95"), "PSYCHIATRIST")).as("not a license modifier").isFalse();
        assertThat(codes.licenseModifierMismatch(List.of("HO"), null)).as("license unknown").isFalse();
        assertThat(codes.licenseModifiersOf("LPC")).containsExactly("HO");
    }

    @Test
    void tellsWhomASupervisedLicenseIsBilledUnder() {
        assertThat(codes.billedUnder("BEHAVIOR_TECHNICIAN")).isEqualTo("the supervising behavior analyst");
        assertThat(codes.billedUnder("LCSW")).isNull();
        assertThat(codes.billedUnder(null)).isNull();
    }

    @Test
    void normalisesRevenueCodesWithoutTheirLeadingZero() {
        assertThat(BehavioralHealthCodes.revenueCode("912")).isEqualTo("0912");
        assertThat(BehavioralHealthCodes.revenueCode(" 0905 ")).isEqualTo("0905");
    }
}

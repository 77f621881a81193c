package org.overturn.demo;

import java.math.BigDecimal;

/**
 * The CPT/HCPCS codes a behavioral-health clinic bills, with its charge-master price. Per-diem codes (PHP,
 * IOP) go on an institutional claim with their revenue code; timed HCPCS are billed per 15-minute unit.
 */
enum Procedure {
    DIAGNOSTIC_EVALUATION("90791", "275.00", null),
    DIAGNOSTIC_EVALUATION_MEDICAL("90792", "325.00", null),
    PSYCHOTHERAPY_30("90832", "120.00", null),
    PSYCHOTHERAPY_45("90834", "165.00", null),
    PSYCHOTHERAPY_60("90837", "220.00", null),
    INTERACTIVE_COMPLEXITY("90785", "40.00", null),
    OFFICE_VISIT_LOW("99213", "150.00", null),
    OFFICE_VISIT_MODERATE("99214", "215.00", null),
    PSYCHOTHERAPY_WITH_EM_30("90833", "95.00", null),
    PSYCHOTHERAPY_WITH_EM_45("90836", "140.00", null),
    FAMILY_WITHOUT_PATIENT("90846", "175.00", null),
    FAMILY_WITH_PATIENT("90847", "185.00", null),
    GROUP_PSYCHOTHERAPY("90853", "75.00", null),
    THERAPEUTIC_BEHAVIORAL_SERVICES("H2019", "32.00", null),
    PARTIAL_HOSPITALIZATION("H0035", "525.00", "0912"),
    INTENSIVE_OUTPATIENT("S9480", "310.00", "0905"),
    SUD_ASSESSMENT("H0001", "180.00", null),
    SUD_COUNSELING("H0004", "34.00", null),
    SUD_GROUP_COUNSELING("H0005", "70.00", null),
    SUD_INTENSIVE_OUTPATIENT("H0015", "265.00", "0906");

    private final String code;
    private final BigDecimal unitCharge;
    private final String revenueCode;

    Procedure(String code, String unitCharge, String revenueCode) {
        this.code = code;
        this.unitCharge = new BigDecimal(unitCharge);
        this.revenueCode = revenueCode;
    }

    String code() {
        return code;
    }

    /** The NUBC revenue code for per-diem services billed on an institutional claim, else null. */
    String revenueCode() {
        return revenueCode;
    }

    BigDecimal charge(int units) {
        return unitCharge.multiply(BigDecimal.valueOf(units));
    }

    /** Add-on codes are only billed together with a primary service of the same day. */
    boolean isAddOn() {
        return this == INTERACTIVE_COMPLEXITY || this == PSYCHOTHERAPY_WITH_EM_30 || this == PSYCHOTHERAPY_WITH_EM_45;
    }

    /** Psychotherapy is billed by the documented face-to-face time: 16-37, 38-52, 53 minutes or more. */
    static Procedure psychotherapyFor(int minutes) {
        if (minutes < 16) {
            throw new IllegalArgumentException("under 16 minutes is not billable psychotherapy");
        }
        return minutes <= 37 ? PSYCHOTHERAPY_30 : minutes <= 52 ? PSYCHOTHERAPY_45 : PSYCHOTHERAPY_60;
    }

    /** Psychotherapy add-on to an E/M visit by time; 53+ minutes (90838) is rare and left out. */
    static Procedure psychotherapyWithEmFor(int minutes) {
        return minutes <= 37 ? PSYCHOTHERAPY_WITH_EM_30 : PSYCHOTHERAPY_WITH_EM_45;
    }
}

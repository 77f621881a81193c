package org.overturn.denial.internal;

import java.util.Collection;
import java.util.Set;

/**
 * Behavioral-health code sets the root-cause table asks about (DESIGN section 2). They are computed here
 * rather than in the table because a single boolean keeps each rule a plain {@code true}.
 */
public final class BehavioralHealthCodes {

    /** 95 synchronous telehealth, GT interactive audio/video (retired by Medicare), FQ audio-only, 93 audio-only. */
    public static final Set<String> TELEHEALTH_MODIFIERS = Set.of("95", "93", "GT", "FQ");

    /** Psychotherapy billed by documented minutes, alone (90832/90834/90837) or as an add-on to an E/M. */
    public static final Set<String> PSYCHOTHERAPY_TIME_CODES =
            Set.of("90832", "90833", "90834", "90836", "90837", "90838");

    /**
     * Per-diem levels of care: H0035 partial hospitalization, S9480 and H0015 intensive outpatient, and the
     * revenue codes 0912/0913 (PHP) and 0905/0906 (IOP).
     */
    public static final Set<String> PER_DIEM_LEVEL_OF_CARE =
            Set.of("H0035", "S9480", "H0015", "0905", "0906", "0912", "0913");

    private BehavioralHealthCodes() {
    }

    public static boolean anyTelehealthModifier(Collection<String> modifiers) {
        return modifiers.stream().anyMatch(TELEHEALTH_MODIFIERS::contains);
    }

    public static boolean anyPsychotherapyTimeCode(Collection<String> procedures) {
        return procedures.stream().anyMatch(PSYCHOTHERAPY_TIME_CODES::contains);
    }

    public static boolean anyPerDiemLevelOfCare(Collection<String> procedures) {
        return procedures.stream().anyMatch(PER_DIEM_LEVEL_OF_CARE::contains);
    }

    /** Revenue codes are four digits; some payers drop the leading zero (912 for 0912). */
    public static String revenueCode(String code) {
        String key = CodeListFiles.key(code);
        return key.length() == 3 && key.chars().allMatch(Character::isDigit) ? "0" + key : key;
    }
}

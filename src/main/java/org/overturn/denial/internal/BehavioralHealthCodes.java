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

    /** Psychotherapy reported only as an add-on to an E/M service the same day (CPT). */
    public static final Set<String> EM_PSYCHOTHERAPY_ADD_ONS = Set.of("90833", "90836", "90838");

    /**
     * License levels that do not bill E/M services: psychologists (CMS Benefit Policy Manual ch. 15 section 160.D),
     * social workers, counselors, therapists, behavior analysts and peer specialists. Physicians, nurse practitioners,
     * clinical nurse specialists and physician assistants do.
     */
    public static final Set<String> NON_PRESCRIBERS = Set.of("PSYCHOLOGIST", "LCSW", "SOCIAL_WORKER", "LPC", "LMFT",
            "ADDICTION_COUNSELOR", "COUNSELOR", "BEHAVIOR_ANALYST", "ASSISTANT_BEHAVIOR_ANALYST",
            "BEHAVIOR_TECHNICIAN", "PEER_SPECIALIST");

    private BehavioralHealthCodes() {
    }

    /** An E/M code (99202-99499) or E/M psychotherapy add-on among the codes, by a license level that bills no E/M. */
    public static boolean isEmByNonPrescriber(Collection<String> procedures, String credential) {
        if (credential == null || !NON_PRESCRIBERS.contains(credential)) {
            return false;
        }
        return procedures.stream().anyMatch(c -> EM_PSYCHOTHERAPY_ADD_ONS.contains(c) || isEvaluationAndManagement(c));
    }

    private static boolean isEvaluationAndManagement(String code) {
        return code.length() == 5 && code.startsWith("99") && code.chars().allMatch(Character::isDigit)
                && Integer.parseInt(code) >= 99202 && Integer.parseInt(code) <= 99499;
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

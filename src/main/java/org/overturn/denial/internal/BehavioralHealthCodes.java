package org.overturn.denial.internal;

import java.util.Collection;
import java.util.Set;

import org.overturn.codeset.CodeSet;

/**
 * The facts of the shared behavioral-health code sets ({@link org.overturn.codeset.BehavioralHealthCodes}) the
 * root-cause table asks about, each one boolean so each rule stays a plain {@code true}; and the license rule for
 * E/M services, which is about who rendered the service rather than a code.
 */
public final class BehavioralHealthCodes {

    private static final org.overturn.codeset.BehavioralHealthCodes CODES =
            org.overturn.codeset.BehavioralHealthCodes.shipped();

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
        return procedures.stream().anyMatch(c -> CODES.contains(CodeSet.EM_PSYCHOTHERAPY_ADD_ON, c)
                || isEvaluationAndManagement(c));
    }

    static boolean isEvaluationAndManagement(String code) {
        return code.length() == 5 && code.startsWith("99") && code.chars().allMatch(Character::isDigit)
                && Integer.parseInt(code) >= 99202 && Integer.parseInt(code) <= 99499;
    }

    public static boolean anyTelehealthModifier(Collection<String> modifiers) {
        return CODES.any(CodeSet.TELEHEALTH_MODIFIER, modifiers);
    }

    /** A license whose services are paid only billed under a supervising provider. */
    public static boolean isSupervisedLicense(String credential) {
        return CODES.billedUnder(credential) != null;
    }

    public static boolean isTelehealthPlaceOfService(String placeOfService) {
        return CODES.contains(CodeSet.TELEHEALTH_PLACE_OF_SERVICE, placeOfService);
    }

    public static boolean anyPsychotherapyTimeCode(Collection<String> procedures) {
        return CODES.any(CodeSet.PSYCHOTHERAPY_TIME, procedures);
    }

    public static boolean anyEmPsychotherapyAddOn(Collection<String> procedures) {
        return CODES.any(CodeSet.EM_PSYCHOTHERAPY_ADD_ON, procedures);
    }

    public static boolean anyPerDiemLevelOfCare(Collection<String> procedures) {
        return procedures.stream().anyMatch(CODES::isPerDiemLevelOfCare);
    }

    /** A license-level modifier (HN, HO, HP, AH, AJ) billed that does not fit the rendering license on the claim. */
    public static boolean isLicenseModifierMismatch(Collection<String> modifiers, String credential) {
        return CODES.licenseModifierMismatch(modifiers, credential);
    }

    /** Revenue codes are four digits; some payers drop the leading zero (912 for 0912). */
    public static String revenueCode(String code) {
        return org.overturn.codeset.BehavioralHealthCodes.revenueCode(code);
    }
}

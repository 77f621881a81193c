package org.overturn.codeset;

/** The named sets of {@code codeset/behavioral-health-codes.csv}. */
public enum CodeSet {
    /** Psychotherapy billed by documented minutes, alone (90832/90834/90837) or as an E/M add-on. */
    PSYCHOTHERAPY_TIME,
    /** Psychotherapy reported only as an add-on to an E/M service the same day (90833, 90836, 90838). */
    EM_PSYCHOTHERAPY_ADD_ON,
    INTERACTIVE_COMPLEXITY,
    CRISIS,
    DIAGNOSTIC_EVALUATION,
    FAMILY,
    GROUP,
    PSYCHOLOGICAL_TESTING,
    LEVEL_PHP,
    LEVEL_IOP,
    LEVEL_RESIDENTIAL,
    LEVEL_WITHDRAWAL_MANAGEMENT,
    LEVEL_INPATIENT,
    TELEHEALTH_MODIFIER,
    TELEHEALTH_PLACE_OF_SERVICE,
    /** The rendering clinician's degree or license level (HN, HO, HP, AH, AJ). */
    LICENSE_MODIFIER,
    /** The program the service belongs to (HA child/adolescent, HB adult). */
    PROGRAM_MODIFIER,
    /**
     * Substance-use disorder services (procedure or revenue codes): a claim for one is a 42 CFR Part 2 record.
     * Holds the SUD codes that also name a level of care (H0015, H2036, 0906, 1002, 0116 ...).
     */
    SUBSTANCE_USE
}

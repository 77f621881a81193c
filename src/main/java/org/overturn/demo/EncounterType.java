package org.overturn.demo;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of claim a behavioral-health clinic sends, with how often each occurs and what it can look like. */
enum EncounterType {
    PSYCHOTHERAPY(44, false, true, true, true),
    INTAKE(8, false, false, true, true),
    MEDICATION_MANAGEMENT(20, false, true, true, true),
    FAMILY_THERAPY(6, false, true, true, false),
    GROUP_THERAPY(7, false, true, false, false),
    BEHAVIORAL_SUPPORT(4, false, true, false, false),
    PARTIAL_HOSPITALIZATION(5, false, true, false, false),
    INTENSIVE_OUTPATIENT(6, false, true, false, false),
    SUD_ASSESSMENT(15, true, false, true, false),
    SUD_COUNSELING(40, true, true, true, false),
    SUD_GROUP(25, true, true, false, false),
    SUD_INTENSIVE_OUTPATIENT(20, true, true, false, false);

    /** CLP08 of a per-diem claim: bill type 076x, community mental health center. */
    static final String INSTITUTIONAL_FACILITY = "76";

    private final int weight;
    private final boolean sud;
    private final boolean multiDate;
    private final boolean telehealth;
    private final boolean addOn;

    EncounterType(int weight, boolean sud, boolean multiDate, boolean telehealth, boolean addOn) {
        this.weight = weight;
        this.sud = sud;
        this.multiDate = multiDate;
        this.telehealth = telehealth;
        this.addOn = addOn;
    }

    boolean sud() {
        return sud;
    }

    boolean perDiem() {
        return this == PARTIAL_HOSPITALIZATION || this == INTENSIVE_OUTPATIENT || this == SUD_INTENSIVE_OUTPATIENT;
    }

    boolean telehealthCapable() {
        return telehealth;
    }

    boolean coveredBy(PlanType plan) {
        if (this == BEHAVIORAL_SUPPORT) {
            return plan == PlanType.MEDICAID;
        }
        // traditional Medicare bills PHP/IOP under its own hospital rules, which this clinic does not use
        return !(perDiem() && plan == PlanType.MEDICARE);
    }

    boolean canTake(Shape shape) {
        return switch (shape) {
            case ANY -> true;
            case MULTI_LINE -> multiDate || addOn;
            case MULTI_DATE -> multiDate;
            case MIXED_TELEHEALTH -> multiDate && telehealth;
            case ALL_TELEHEALTH -> telehealth;
            case ADD_ON -> addOn;
        };
    }

    /** Relative weight for a claim, raised where a denial scenario typically strikes. */
    double weightFor(DenialScenario scenario) {
        if (scenario == null) {
            return weight;
        }
        return weight * switch (scenario) {
            case AUTHORIZATION -> perDiem() ? 5 : 1;
            case MEDICAL_NECESSITY -> perDiem() ? 4 : 1;
            case BENEFIT_LIMIT -> this == PSYCHOTHERAPY ? 2 : 1;
            default -> 1;
        };
    }

    static Set<EncounterType> of(boolean sud) {
        Set<EncounterType> types = EnumSet.noneOf(EncounterType.class);
        for (EncounterType type : values()) {
            if (type.sud == sud) {
                types.add(type);
            }
        }
        return types;
    }
}

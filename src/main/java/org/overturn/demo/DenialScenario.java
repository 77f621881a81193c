package org.overturn.demo;

import java.util.List;

/**
 * Why a payer refuses to pay, as it says so in the 835: the CAS group and CARC, the RARCs that usually come
 * with them, how often it happens, and which lines a partial denial hits.
 */
enum DenialScenario {
    AUTHORIZATION("CO", "197", List.of("N54"), 20, LineSelection.LATER_DATES, false),
    ELIGIBILITY("CO", "27", List.of(), 14, LineSelection.LATER_DATES, true),
    TELEHEALTH_CODING("CO", "4", List.of("M77"), 7, LineSelection.TELEHEALTH_LINES, false),
    DIAGNOSIS_CODING("CO", "11", List.of("M76"), 5, LineSelection.ONE_LINE, false),
    MISSING_INFORMATION("CO", "16", List.of("MA130"), 12, LineSelection.ONE_LINE, true),
    MEDICAL_NECESSITY("CO", "50", List.of(), 8, LineSelection.LATER_DATES, false),
    BENEFIT_LIMIT("CO", "119", List.of("N640"), 6, LineSelection.LATER_DATES, false),
    TIMELY_FILING("CO", "29", List.of(), 5, LineSelection.NONE, true),
    DUPLICATE("OA", "18", List.of(), 6, LineSelection.ONE_LINE, true),
    CREDENTIALING("CO", "B7", List.of("N290"), 5, LineSelection.NONE, false),
    COORDINATION_OF_BENEFITS("OA", "22", List.of(), 5, LineSelection.NONE, true),
    BUNDLING("CO", "97", List.of("M15"), 7, LineSelection.ADD_ON_LINES, false);

    /** Which lines a partial denial of this kind refuses. */
    enum LineSelection {
        /** full denials only */
        NONE,
        /** dates from a cut-off on: the authorization, coverage or visit limit ran out */
        LATER_DATES,
        TELEHEALTH_LINES,
        ADD_ON_LINES,
        ONE_LINE
    }

    private final String group;
    private final String reason;
    private final List<String> remarks;
    private final int weight;
    private final LineSelection partialLines;
    private final boolean claimLevel;

    DenialScenario(String group, String reason, List<String> remarks, int weight, LineSelection partialLines,
                   boolean claimLevel) {
        this.group = group;
        this.reason = reason;
        this.remarks = remarks;
        this.weight = weight;
        this.partialLines = partialLines;
        this.claimLevel = claimLevel;
    }

    String group() {
        return group;
    }

    /**
     * The scenario a payer's decision tells by its CAS (claim or line level), or null for a claim paid without a
     * denial: each scenario's group and CARC are its own, and no payment adjustment (CO-45, CO-253, PR-1..3) is one.
     */
    static DenialScenario of(ClaimDecision decision) {
        java.util.stream.Stream<CasAmount> adjustments = java.util.stream.Stream.concat(
                decision.adjustments().stream(), decision.lines().stream().flatMap(l -> l.adjustments().stream()));
        return adjustments.map(DenialScenario::of).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static DenialScenario of(CasAmount adjustment) {
        for (DenialScenario scenario : values()) {
            if (scenario.group.equals(adjustment.group()) && scenario.reason.equals(adjustment.reason())) {
                return scenario;
            }
        }
        return null;
    }

    String reason() {
        return reason;
    }

    List<String> remarks() {
        return remarks;
    }

    LineSelection partialLines() {
        return partialLines;
    }

    /** Payers send some whole-claim denials at claim level, without service lines. */
    boolean mayDenyAtClaimLevel() {
        return claimLevel;
    }

    /** Bundling refuses an add-on next to a paid service; it never takes a whole claim. */
    boolean canDenyFully() {
        return this != BUNDLING;
    }

    boolean canDenyPartially() {
        return partialLines != LineSelection.NONE;
    }

    Shape shapeFor(boolean partial) {
        if (!partial) {
            return this == TELEHEALTH_CODING ? Shape.ALL_TELEHEALTH : Shape.ANY;
        }
        return switch (partialLines) {
            case LATER_DATES -> Shape.MULTI_DATE;
            case TELEHEALTH_LINES -> Shape.MIXED_TELEHEALTH;
            case ADD_ON_LINES -> Shape.ADD_ON;
            case ONE_LINE, NONE -> Shape.MULTI_LINE;
        };
    }

    /** How often payers of a plan type deny this way, relative to each other. */
    double weightFor(PlanType plan) {
        return weight * switch (this) {
            case AUTHORIZATION -> switch (plan) {
                case COMMERCIAL_HMO, MEDICAID, MEDICARE_ADVANTAGE -> 1.6;
                case MEDICARE -> 0.25;
                default -> 1.0;
            };
            case BENEFIT_LIMIT -> plan == PlanType.MEDICARE ? 0.2 : plan.isCommercial() ? 1.5 : 1.0;
            case CREDENTIALING -> plan.isMedicareFamily() ? 1.6 : 1.0;
            case COORDINATION_OF_BENEFITS -> plan == PlanType.MEDICARE ? 1.4 : 1.0;
            case TELEHEALTH_CODING -> plan == PlanType.MEDICAID ? 1.4 : 1.0;
            default -> 1.0;
        };
    }
}

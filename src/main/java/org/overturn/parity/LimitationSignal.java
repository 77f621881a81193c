package org.overturn.parity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * A limitation the claim's codes and the payer's facts point to beyond what the decision table reads from root
 * cause and CARCs itself: the table's {@code signal} input. One signal per claim, the first that holds in the order
 * below; {@code _NOT_ON_MEDICAL} and comparisons mean the payer's facts show the medical/surgical side is treated
 * more leniently (the table makes those LIKELY).
 */
public enum LimitationSignal {
    /** CARC 242 or 279: not a (preferred) network provider. CARC 172 is not network admission. */
    NETWORK_ADMISSION,
    /** CARC 172 or RARC N95: a provider specialty or type the plan will not pay for the service. */
    PROVIDER_CREDENTIAL,
    /** CARC B8 (alternative services should have been used) or RARC N683 (prior treatment): fail-first. */
    STEP_THERAPY_NOT_ON_MEDICAL, STEP_THERAPY,
    /** A non-coverage or coding denial of a telehealth line (modifier 95, 93, GT, FQ or RARC M77). */
    TELEHEALTH_NOT_ON_MEDICAL, TELEHEALTH,
    /** CARC 198 on a stay while behavioral-health stays are reviewed more often than medical ones. */
    REVIEW_MORE_FREQUENT,
    /** CARC 45 on the claim while the plan pays behavioral-health professionals a lower share of Medicare. */
    REIMBURSEMENT_BELOW_MEDICAL,
    /** A copay (PR-3) or coinsurance (PR-2) above the plan's medical/surgical one in the same classification. */
    FINANCIAL_ABOVE_MEDICAL,
    NONE;

    private static final List<String> TELEHEALTH_MODIFIERS = List.of("95", "93", "GT", "FQ");
    private static final List<String> TELEHEALTH_DENIALS = List.of("4", "5", "96", "204", "M77");

    /** What the screen knows about the denied claim. */
    public record Claim(String rootCause, LevelOfCare levelOfCare, Collection<String> codes, Collection<String> carcs,
                        Collection<String> rarcs, List<Line> lines) {
    }

    /** One service line: its modifiers, allowed amount and the patient's copay (PR-3) and coinsurance (PR-2). */
    public record Line(List<String> modifiers, BigDecimal allowed, BigDecimal copay, BigDecimal coinsurance) {
    }

    public static LimitationSignal of(Claim claim, ParityFacts facts) {
        var carcs = claim.carcs();
        var rarcs = claim.rarcs();
        if (carcs.contains("242") || carcs.contains("279")) {
            return NETWORK_ADMISSION;
        }
        if (carcs.contains("172") || rarcs.contains("N95")) {
            return PROVIDER_CREDENTIAL;
        }
        if (carcs.contains("B8") || rarcs.contains("N683")) {
            return facts.stepTherapyForMedical() == ParityFacts.Answer.NO ? STEP_THERAPY_NOT_ON_MEDICAL : STEP_THERAPY;
        }
        if (telehealthDenial(claim)) {
            return facts.telehealthLimitsForMedical() == ParityFacts.Answer.NO ? TELEHEALTH_NOT_ON_MEDICAL : TELEHEALTH;
        }
        if (carcs.contains("198") && facts.reviewDaysBehavioral() != null && facts.reviewDaysMedical() != null
                && facts.reviewDaysBehavioral() < facts.reviewDaysMedical()) {
            return REVIEW_MORE_FREQUENT;
        }
        if (carcs.contains("45") && facts.ratePercentBehavioral() != null && facts.ratePercentMedical() != null
                && facts.ratePercentBehavioral() < facts.ratePercentMedical()) {
            return REIMBURSEMENT_BELOW_MEDICAL;
        }
        Classification classification = Classification.of(claim.levelOfCare(), claim.codes(), carcs);
        if (facts.financial(classification).filter(medical -> aboveMedical(claim.lines(), medical)).isPresent()) {
            return FINANCIAL_ABOVE_MEDICAL;
        }
        return NONE;
    }

    private static boolean telehealthDenial(Claim claim) {
        boolean telehealthLine = claim.rarcs().contains("M77") || claim.lines().stream()
                .anyMatch(l -> l.modifiers().stream().anyMatch(TELEHEALTH_MODIFIERS::contains));
        boolean denied = "TELEHEALTH".equals(claim.rootCause())
                || TELEHEALTH_DENIALS.stream().anyMatch(c -> claim.carcs().contains(c) || claim.rarcs().contains(c));
        return telehealthLine && denied;
    }

    /** Whether any line's copay, or coinsurance as a percent of its allowed amount, exceeds the medical one. */
    static boolean aboveMedical(List<Line> lines, ParityFacts.FinancialRequirement medical) {
        for (Line line : lines) {
            if (medical.copay() != null && line.copay() != null && line.copay().compareTo(medical.copay()) > 0) {
                return true;
            }
            if (medical.coinsurancePercent() != null && line.coinsurance() != null && line.allowed() != null
                    && line.allowed().signum() > 0) {
                BigDecimal percent = line.coinsurance().multiply(BigDecimal.valueOf(100))
                        .divide(line.allowed(), 2, RoundingMode.HALF_UP);
                if (percent.compareTo(medical.coinsurancePercent()) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.overturn.denial.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;

/**
 * Which adjustments are routine and which say the payer refused money (DESIGN section 3), shared by
 * detection and classification so both pick the same primary adjustment.
 */
public final class DenialAdjustments {

    /** CARCs that are routine under CO/OA/PI: pricing, contracts, withholds, prior payers. */
    public static final Set<String> ROUTINE_CARCS =
            Set.of("23", "24", "42", "45", "44", "94", "104", "105", "131", "253", "A2");

    /**
     * Groups whose non-routine adjustments are denials. CR (corrections and reversals, 4010 only) counts like
     * CO: a 4010 payer that cuts a claim under CR with a non-routine reason is still keeping the provider's
     * money, and ignoring it would hide a denial. PR is always routine: the patient owes it.
     */
    public static final Set<String> DENIAL_GROUPS = Set.of("CO", "OA", "PI", "CR");

    private DenialAdjustments() {
    }

    public static boolean isNonRoutine(Adjustment adjustment) {
        return DENIAL_GROUPS.contains(CodeListFiles.key(adjustment.group()))
                && !ROUTINE_CARCS.contains(CodeListFiles.key(adjustment.reason()));
    }

    /** Patient responsibility, or a routine CARC under CO/OA/PI (or CR); an unknown group is neither. */
    public static boolean isRoutine(Adjustment adjustment) {
        String group = CodeListFiles.key(adjustment.group());
        return "PR".equals(group)
                || DENIAL_GROUPS.contains(group) && ROUTINE_CARCS.contains(CodeListFiles.key(adjustment.reason()));
    }

    /** Non-routine CO/OA/PI (and CR) adjustments, claim level first, then each line's, in file order. */
    public static List<Adjustment> nonRoutine(ClaimPayment claim) {
        return claim.allAdjustments().stream().filter(DenialAdjustments::isNonRoutine).toList();
    }

    /** The non-routine adjustment with the largest amount; on a tie the first in the file wins. */
    public static Optional<Adjustment> primary(ClaimPayment claim) {
        Adjustment primary = null;
        for (Adjustment adjustment : nonRoutine(claim)) {
            if (primary == null || amount(adjustment).compareTo(amount(primary)) > 0) {
                primary = adjustment;
            }
        }
        return Optional.ofNullable(primary);
    }

    public static BigDecimal amount(Adjustment adjustment) {
        return adjustment.amount() == null ? BigDecimal.ZERO : adjustment.amount();
    }
}

package org.overturn.denial;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.overturn.denial.internal.CodeListFiles;
import org.overturn.denial.internal.DenialAdjustments;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;

/**
 * Decides whether a claim payment is a denial, exactly as DESIGN section 3 defines it.
 * <ul>
 * <li>Routine adjustments: PR with any reason, and CO/OA/PI with CARC 23, 24, 42, 45, 44, 94, 104, 105, 131,
 * 253 or A2. Every other CO/OA/PI adjustment is non-routine. Group CR (4010 only) is treated like CO;
 * adjustments with any other group code are ignored.</li>
 * <li>FULL: CLP02 is 4, or CLP04 is 0 and a non-routine adjustment is greater than 0.</li>
 * <li>PARTIAL: CLP04 greater than 0 and a non-routine adjustment (claim or line level) greater than 0.</li>
 * <li>Never a denial: CLP02 22, a reversal of an earlier payment (it is linked to the claim it reverses); CLP02 25,
 * a predetermination; CLP02 4 whose adjustments are all routine (capitation, CARC 24, is the common case). The
 * last two are {@link NotADenial}s, counted apart.</li>
 * <li>Amount at risk: the sum of the non-routine amounts, claim and line level; for a FULL denial without a
 * positive non-routine amount (say CLP02 4 with only PR adjustments), the charge CLP03.</li>
 * <li>Primary reason: the CARC of the largest non-routine adjustment, ties to the first in the file
 * (claim level before line level); null when there is none.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public class DenialDetector {

    public Optional<DenialAssessment> assess(ClaimPayment claim) {
        if (claim.isReversal() || notADenial(claim).isPresent()) {
            return Optional.empty();
        }
        List<Adjustment> nonRoutine = DenialAdjustments.nonRoutine(claim);
        boolean refusedMoney = nonRoutine.stream().anyMatch(a -> DenialAdjustments.amount(a).signum() > 0);
        BigDecimal paid = claim.paid() == null ? BigDecimal.ZERO : claim.paid();

        DenialKind kind;
        if ("4".equals(claim.status()) || (paid.signum() == 0 && refusedMoney)) {
            kind = DenialKind.FULL;
        } else if (paid.signum() > 0 && refusedMoney) {
            kind = DenialKind.PARTIAL;
        } else {
            return Optional.empty();
        }

        BigDecimal atRisk = nonRoutine.stream().map(DenialAdjustments::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (kind == DenialKind.FULL && !refusedMoney) {
            atRisk = claim.charge() == null ? BigDecimal.ZERO : claim.charge();
        }
        String primary = DenialAdjustments.primary(claim).map(Adjustment::reason).orElse(null);
        return Optional.of(new DenialAssessment(kind, primary, atRisk.setScale(2, RoundingMode.HALF_UP)));
    }

    /** Why a claim that says denied (CLP02 4) or was only priced (CLP02 25) is not a denial; empty for any other. */
    public Optional<NotADenial> notADenial(ClaimPayment claim) {
        if ("25".equals(claim.status())) {
            return Optional.of(NotADenial.PREDETERMINATION);
        }
        List<Adjustment> adjustments = claim.allAdjustments();
        if (!"4".equals(claim.status()) || adjustments.isEmpty()
                || !adjustments.stream().allMatch(DenialAdjustments::isRoutine)) {
            return Optional.empty();
        }
        boolean capitated = adjustments.stream().anyMatch(a -> "24".equals(CodeListFiles.key(a.reason()))
                && !"PR".equals(CodeListFiles.key(a.group())));
        return Optional.of(capitated ? NotADenial.CAPITATED : NotADenial.ROUTINE_ADJUSTMENTS);
    }
}

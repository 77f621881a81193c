package org.overturn.underpayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.overturn.remittance.ClaimRecords;

/**
 * One paid service line against the contract: what the payer allowed for it (AMT*B6 when the 835 sends it, else the
 * charge less the contractual reductions that bring a charge down to a fee schedule) is compared with the contracted
 * rate times the units paid, never more than the charge (a payer pays the lesser of the two). A contractual
 * reduction down to the contract rate is how a contract is meant to work; only an allowed amount below it is an
 * underpayment. Denied parts of a line (non-routine adjustments) are the denial's business and do not lower the
 * allowed amount here.
 */
final class ContractComparison {

    /**
     * CARCs that reduce a charge to the allowed amount: 45 charge exceeds fee schedule/maximum allowable or
     * contracted/legislated fee arrangement, 42 charges exceed our fee schedule or maximum allowable amount (retired,
     * still in old files), 131 claim-specific negotiated discount, A2 contractual adjustment (X12 CARC list).
     */
    static final Set<String> CONTRACTUAL_REDUCTIONS = Set.of("45", "42", "131", "A2");

    /** How far a line fell short of the contract; amounts in dollars with two decimals. */
    record Shortfall(BigDecimal contracted, BigDecimal allowed, BigDecimal paid, BigDecimal patientShare,
                     BigDecimal units, BigDecimal underpaid) {

        /** "paid $20.00 below contract ($140.00 contracted, $120.00 paid)": paid is what the service was allowed. */
        String explanation() {
            return "paid " + dollars(underpaid) + " below contract (" + dollars(contracted) + " contracted, "
                    + dollars(allowed) + " paid" + (patientShare.signum() > 0 && patientShare.compareTo(allowed) < 0
                    ? ": " + dollars(paid) + " by the payer, " + dollars(patientShare) + " owed by the patient" : "")
                    + ")";
        }
    }

    private ContractComparison() {
    }

    /**
     * The shortfall of a paid line against the contracted rate per unit, or empty when it was paid in full (or was
     * not paid at all: a denied line is a denial, not an underpayment).
     */
    static Optional<Shortfall> compare(ClaimRecords.LineRecord line, BigDecimal ratePerUnit) {
        if (ratePerUnit == null || line.paid() == null || line.paid().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal units = line.units() == null || line.units().signum() <= 0 ? BigDecimal.ONE : line.units();
        BigDecimal contracted = ratePerUnit.multiply(units).min(line.charge()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal allowed = (line.allowed() != null ? line.allowed()
                : line.charge().subtract(sum(line.adjustments(), true))).setScale(2, RoundingMode.HALF_UP);
        BigDecimal underpaid = contracted.subtract(allowed);
        if (underpaid.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Shortfall(contracted, allowed, line.paid().setScale(2, RoundingMode.HALF_UP),
                sum(line.adjustments(), false).setScale(2, RoundingMode.HALF_UP), units, underpaid));
    }

    /** The contractual reductions (not the patient's), or the patient's share (group PR). */
    private static BigDecimal sum(List<ClaimRecords.AdjustmentRecord> adjustments, boolean contractual) {
        return adjustments.stream()
                .filter(a -> contractual ? !"PR".equals(a.group()) && CONTRACTUAL_REDUCTIONS.contains(a.reason())
                        : "PR".equals(a.group()))
                .map(ClaimRecords.AdjustmentRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String dollars(BigDecimal amount) {
        return "$" + String.format(java.util.Locale.US, "%,.2f", amount);
    }
}

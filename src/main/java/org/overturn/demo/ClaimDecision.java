package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The payer's decision on one claim (loop 2100), balanced by construction: charge − paid equals the sum
 * of its claim and line adjustments, and each line's charge − paid equals the sum of its own.
 *
 * @param lines empty when the payer decided at claim level
 */
record ClaimDecision(BilledClaim billed, String status, String payerClaimControlNumber, BigDecimal charge,
                     BigDecimal paid, List<CasAmount> adjustments, List<String> remarks, List<LineDecision> lines,
                     LocalDate receivedDate) {

    static final String REVERSAL = "22";

    ClaimDecision {
        adjustments = List.copyOf(adjustments);
        remarks = List.copyOf(remarks);
        lines = List.copyOf(lines);
    }

    /** CLP05: everything the patient owes, claim and line level. */
    BigDecimal patientResponsibility() {
        return Stream.concat(adjustments.stream(), lines.stream().flatMap(l -> l.adjustments().stream()))
                .filter(CasAmount::isPatientResponsibility)
                .map(CasAmount::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The payer takes its payment back: same claim and control number, every amount negated. */
    ClaimDecision reversal() {
        return new ClaimDecision(billed, REVERSAL, payerClaimControlNumber, charge.negate(), paid.negate(),
                adjustments.stream().map(CasAmount::negated).toList(), remarks,
                lines.stream().map(LineDecision::negated).toList(), receivedDate);
    }

    boolean isPaidOriginal() {
        return "1".equals(status) && paid.signum() > 0;
    }
}

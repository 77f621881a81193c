package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The payer's decision on one service line (loop 2110).
 *
 * @param allowed null when the payer allowed nothing
 */
record LineDecision(Procedure procedure, List<String> modifiers, LocalDate serviceDate, int units,
                    BigDecimal charge, BigDecimal paid, BigDecimal allowed, List<CasAmount> adjustments,
                    List<String> remarks, String controlNumber) {

    LineDecision {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarks = List.copyOf(remarks);
    }

    LineDecision negated() {
        return new LineDecision(procedure, modifiers, serviceDate, units, charge.negate(), paid.negate(),
                allowed == null ? null : allowed.negate(), adjustments.stream().map(CasAmount::negated).toList(),
                remarks, controlNumber);
    }
}

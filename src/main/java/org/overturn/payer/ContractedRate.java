package org.overturn.payer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a practice's contract with a payer allows for one unit of a procedure code, for services from {@code
 * effectiveFrom}. {@code modifier} (two characters) makes it the rate of the code with that modifier; null or blank
 * is the code's rate whatever its modifiers.
 */
public record ContractedRate(String procedureCode, BigDecimal allowedAmount, LocalDate effectiveFrom,
                             String modifier) {

    public ContractedRate {
        modifier = modifier == null || modifier.isBlank() ? null : modifier.strip().toUpperCase();
    }

    public ContractedRate(String procedureCode, BigDecimal allowedAmount, LocalDate effectiveFrom) {
        this(procedureCode, allowedAmount, effectiveFrom, null);
    }
}

package org.overturn.payer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a practice's contract with a payer allows for a procedure code, for services from {@code effectiveFrom}. */
public record ContractedRate(String procedureCode, BigDecimal allowedAmount, LocalDate effectiveFrom) {
}

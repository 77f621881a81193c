package org.overturn.denial;

import java.math.BigDecimal;

/**
 * That a claim payment is a denial, and how much of it.
 *
 * @param kind          FULL (nothing paid) or PARTIAL (paid less than due)
 * @param primaryReason the CARC of the largest non-routine adjustment, or null when the payer gave none
 * @param amountAtRisk  what the provider loses unless the denial is worked, scale 2
 */
public record DenialAssessment(DenialKind kind, String primaryReason, BigDecimal amountAtRisk) {
}

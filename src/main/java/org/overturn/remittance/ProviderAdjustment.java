package org.overturn.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reason/amount pair of a PLB segment. A positive amount reduces the payment (e.g. WO overpayment
 * recovery), a negative one increases it (e.g. L6 interest).
 *
 * @param providerId       PLB01
 * @param fiscalPeriodDate PLB02
 * @param reason           PLB03-1 (and the same for each following pair)
 * @param reference        PLB03-2, the payer's reference for the adjustment, or null
 */
public record ProviderAdjustment(
        String providerId,
        LocalDate fiscalPeriodDate,
        String reason,
        String reference,
        BigDecimal amount) {
}

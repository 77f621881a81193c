package org.overturn.denial;

import java.math.BigDecimal;

/**
 * One stored claim payment, as announced in {@link ClaimPaymentsStored}: ids and the facts correlation needs,
 * no PHI.
 *
 * @param reversedClaimPaymentId for a reversal, the stored payment it takes back (null when unknown)
 * @param denialId               the denial this payment raised, or null when it is not one
 */
public record ClaimPaymentStored(long claimPaymentId, long remittanceId, String patientControlNumber,
                                 String payerId, String payerClaimControlNumber, String status, BigDecimal charge,
                                 BigDecimal paid, Long reversedClaimPaymentId, Long denialId) {
}

package org.overturn.remittance;

import java.math.BigDecimal;

/**
 * Published, inside the storing transaction, for every claim payment stored: a payer's answer that an open
 * correction or appeal may be waiting for. Carries ids and the facts correlation needs, no PHI.
 *
 * @param reversedClaimPaymentId for a reversal, the stored payment it takes back (null when unknown)
 * @param denialId               the denial this payment raised, or null when it is not one
 */
public record ClaimPaymentStored(long claimPaymentId, long remittanceId, String patientControlNumber,
                                 String payerId, String status, BigDecimal paid, Long reversedClaimPaymentId,
                                 Long denialId) {
}

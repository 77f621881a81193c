package org.overturn.denial;

import java.math.BigDecimal;

/**
 * One stored claim payment, as announced in {@link ClaimPaymentsStored}: ids and the facts correlation needs,
 * no PHI.
 *
 * @param reversedClaimPaymentId for a reversal, the stored payment it takes back (null when unknown)
 * @param denialId               the denial this payment raised, or null when it is not one
 * @param originalReference      REF*F8 of the claim: the payer's claim control number of the claim a replacement
 *                               replaces, or null
 */
public record ClaimPaymentStored(long claimPaymentId, long remittanceId, String patientControlNumber,
                                 String payerId, String payerClaimControlNumber, String status, BigDecimal charge,
                                 BigDecimal paid, Long reversedClaimPaymentId, Long denialId,
                                 String originalReference) {

    public ClaimPaymentStored(long claimPaymentId, long remittanceId, String patientControlNumber, String payerId,
                              String payerClaimControlNumber, String status, BigDecimal charge, BigDecimal paid,
                              Long reversedClaimPaymentId, Long denialId) {
        this(claimPaymentId, remittanceId, patientControlNumber, payerId, payerClaimControlNumber, status, charge,
                paid, reversedClaimPaymentId, denialId, null);
    }
}

package org.overturn.recoupment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One amount a payer took back through a PLB, as the API shows it.
 *
 * @param reason               PLB03-1
 * @param reasonMeaning        what the code means, from the reference list (null for a code not on it)
 * @param reference            PLB03-2, the payer's reference (often the claim's control number)
 * @param claimPaymentId       the stored payment of the claim taken back, when the reference names one on file
 * @param patientControlNumber that claim's patient control number
 * @param disputeDueOn         the last day to dispute it (set when disputed)
 */
public record Recoupment(long id, long remittanceId, String payerId, String payerName, String reason,
                         String reasonMeaning, String reference, BigDecimal amount, Long claimPaymentId,
                         String patientControlNumber, RecoupmentStatus status, LocalDate disputeDueOn,
                         String decidedBy, Instant decidedAt, String note, Instant detectedAt) {
}

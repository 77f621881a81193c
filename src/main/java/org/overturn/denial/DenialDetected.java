package org.overturn.denial;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new denial as {@link DenialRegister#register} answers it to the intake that stores the claim: what the lists and
 * the denial's process start from. No PHI. {@code queue} is where its first work waits ({@link Classification#workQueue}).
 */
public record DenialDetected(long denialId, long claimPaymentId, String patientControlNumber, String payerId,
                             DenialKind kind, String primaryReason, RootCause rootCause, String queue,
                             boolean correctable, boolean appealable, BigDecimal amountAtRisk,
                             LocalDate remittanceDate, boolean part2, LocalDate appealDueDate, int priority,
                             WorkPath path) {
}

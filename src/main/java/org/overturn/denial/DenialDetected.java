package org.overturn.denial;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published inside the storing transaction for every new denial, so that whoever listens synchronously (the
 * workflow starting the denial's process) commits or rolls back with it. No PHI.
 */
public record DenialDetected(long denialId, long claimPaymentId, String patientControlNumber, String payerId,
                             DenialKind kind, String primaryReason, RootCause rootCause, String queue,
                             boolean correctable, boolean appealable, BigDecimal amountAtRisk,
                             LocalDate remittanceDate, boolean part2, LocalDate appealDueDate, int priority) {
}

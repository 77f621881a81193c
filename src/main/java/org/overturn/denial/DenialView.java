package org.overturn.denial;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A denial as other modules see it. {@code queue} is where its open work is; {@code path} null for denials older than it. */
public record DenialView(long id, long claimPaymentId, String patientControlNumber, String payerId, String payerName,
                         DenialKind kind, String primaryReason, RootCause rootCause, String queue,
                         boolean correctable, boolean appealable, String explanation, BigDecimal amountAtRisk,
                         DenialStatus status, boolean part2, LocalDate remittanceDate, Instant detectedAt,
                         String planType, LocalDate appealDueDate, int priority, int appealLevel,
                         BigDecimal recoveredAmount, Instant closedAt, Long followsDenialId, WorkPath path) {
}

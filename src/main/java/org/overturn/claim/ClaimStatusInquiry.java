package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One claim status request (X12 276, 005010X212) for one claim on file: who asks whom, and the claim as the payer
 * knows it.
 *
 * @param trace                   TRN02 of the claim: the 277 answer carries it back
 * @param payerClaimControlNumber the payer's number from the 277CA acceptance (REF*1K), or null
 */
public record ClaimStatusInquiry(String senderId, String receiverId, long interchangeControlNumber,
                                 LocalDateTime createdAt, boolean production, String reference, ClaimParty payer,
                                 ClaimParty submitter, ClaimProvider provider, ClaimPerson subscriber, String trace,
                                 String patientControlNumber, String payerClaimControlNumber, BigDecimal charge,
                                 LocalDate serviceFrom, LocalDate serviceTo) {
}

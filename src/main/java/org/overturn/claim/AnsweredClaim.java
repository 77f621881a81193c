package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an 835 tells of the claim it answers, enough to find that claim among the ones billed.
 *
 * @param claimPaymentId          the 835 claim payment
 * @param patientControlNumber    CLP01 (the CLM01 sent)
 * @param payerId                 the 835 payer's id, or null
 * @param payerName               the 835 payer's name, or null
 * @param charge                  CLP03
 * @param serviceFrom             the first date of service the 835 gives (claim or line), or null
 * @param serviceTo               the last, or null
 * @param answeredOn              the 835's payment (or production) date; claims sent after it cannot be answered by it
 * @param payerClaimControlNumber CLP07, or null
 */
public record AnsweredClaim(long claimPaymentId, String patientControlNumber, String payerId, String payerName,
                            BigDecimal charge, LocalDate serviceFrom, LocalDate serviceTo, LocalDate answeredOn,
                            String payerClaimControlNumber) {
}

package org.overturn.underpayment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.overturn.practice.PracticeRef;

/**
 * A paid service line below the practice's contract with the payer, as the API lists it. {@code paid} is what the
 * payer paid (SVC03), {@code patientShare} the patient's part (PR adjustments), {@code allowed} the two together as
 * the payer valued the service; {@code underpaid} is contracted minus allowed. The patient control number, procedure,
 * modifier and date of service of a Part 2 claim are shown only to users with Part 2 access (the others see its money).
 */
public record Underpayment(long id, PracticeRef practice, String payerId, String payerName,
                           String patientControlNumber, long claimPaymentId, long remittanceId, String procedure,
                           String modifier, LocalDate serviceDate, BigDecimal units, BigDecimal contracted,
                           BigDecimal allowed, BigDecimal paid, BigDecimal patientShare, BigDecimal underpaid,
                           String explanation, UnderpaymentStatus status, Instant detectedAt, boolean part2) {
}

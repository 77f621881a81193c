package org.overturn.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * BPR and TRN: how much was paid, how, when, and the trace (check or EFT) number that ties the remittance
 * to the money.
 *
 * @param handlingCode BPR01 (C payment and advice, H notification only, I remittance only, ...)
 * @param amount       BPR02
 * @param creditDebit  BPR03 (C or D)
 * @param method       BPR04 (CHK, ACH, BOP, FWT, NON)
 * @param date         BPR16, the check issue or EFT effective date
 * @param trace        TRN02, the check or EFT trace number
 * @param originatorId TRN03, the payer's originating company id
 */
public record Payment(
        String handlingCode,
        BigDecimal amount,
        String creditDebit,
        String method,
        LocalDate date,
        String trace,
        String originatorId) {
}

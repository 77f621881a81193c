package org.overturn.claim;

import java.time.LocalDate;

/**
 * The first time a payer (277CA) accepted the claim into adjudication: the proof of timely filing an appeal cites.
 *
 * @param acceptedOn the 277CA's status date (STC02), else its report date
 * @param reference  the 277CA's report id (BHT03) and, when given, the payer's claim number (REF*1K)
 * @param source     who answered (the payer or clearinghouse named in the 277CA)
 */
public record ClaimAcceptance(LocalDate acceptedOn, String reference, String source) {
}

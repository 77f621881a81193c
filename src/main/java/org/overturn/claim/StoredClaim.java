package org.overturn.claim;

import java.time.LocalDate;

/**
 * A billed claim on file, as a denial is worked from it. Holds PHI.
 *
 * @param id          billed_claim id
 * @param claim       the claim as it was read from its 837
 * @param submittedOn the date the claim was sent (BHT04, else ISA09)
 * @param reference   the batch reference (BHT03)
 * @param acceptance  the first acceptance on file (277CA), or null
 * @param matchedBy   why this claim was taken as the one an 835 answers, or null when not asked through a match
 */
public record StoredClaim(long id, BilledClaim claim, LocalDate submittedOn, String reference,
                          ClaimAcceptance acceptance, String matchedBy) {

    @Override
    public String toString() {
        return "StoredClaim[" + id + "]";
    }
}

package org.overturn.claim;

import java.time.LocalDate;

/**
 * A billed claim on file, as a denial is worked from it. Holds PHI.
 *
 * @param id          billed_claim id
 * @param claim       the claim as it was read from its 837
 * @param submittedOn the date the claim was sent (BHT04, else ISA09)
 * @param reference   the batch reference (BHT03)
 * @param firstSubmittedOn the first date a claim with this CLM01 and payer was sent (an earlier, rejected or
 *                    replaced submission counts: the original filing date stands for timely filing)
 * @param acceptance  the first acceptance on file (277CA), or null
 * @param matchedBy   why this claim was taken as the one an 835 answers, or null when not asked through a match
 * @param submitter   who sent the claim (1000A), for the envelope of its replacement
 * @param receiver    who it was sent to (1000B)
 */
public record StoredClaim(long id, BilledClaim claim, LocalDate submittedOn, String reference,
                          LocalDate firstSubmittedOn, ClaimAcceptance acceptance, String matchedBy,
                          ClaimParty submitter, ClaimParty receiver) {

    /** The same claim with the reason it was taken as the one an 835 answers. */
    public StoredClaim matchedBy(String reason) {
        return new StoredClaim(id, claim, submittedOn, reference, firstSubmittedOn, acceptance, reason, submitter,
                receiver);
    }

    @Override
    public String toString() {
        return "StoredClaim[" + id + "]";
    }
}

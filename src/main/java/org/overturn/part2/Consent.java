package org.overturn.part2;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A patient's written consent to disclose their Part 2 records to one payer, for a stated purpose. Names the
 * patient as the 835 does: by member id when the claim carries one, else by name. Holds PHI: never log it.
 *
 * @param expiresOn the last day the consent covers; null when it runs until revoked
 * @param revokedAt when the patient revoked it, or null
 */
public record Consent(long id, String memberId, String patientLastName, String patientFirstName, String payerId,
                      String purpose, LocalDate signedOn, LocalDate expiresOn, Instant revokedAt,
                      String recordedBy) {

    /** Signed on or before the day, not expired by then, and not revoked. */
    public boolean validOn(LocalDate day) {
        return revokedAt == null && signedOn != null && !signedOn.isAfter(day)
                && (expiresOn == null || !expiresOn.isBefore(day));
    }
}

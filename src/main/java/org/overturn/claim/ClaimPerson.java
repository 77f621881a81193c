package org.overturn.claim;

import java.time.LocalDate;

/**
 * The subscriber (2010BA) or patient (2010CA; the subscriber when the patient is the subscriber). Holds PHI:
 * never log it.
 *
 * @param memberId  NM109 of the subscriber (the patient carries the subscriber's member id)
 * @param lastName  NM103
 * @param firstName NM104
 * @param birthDate DMG02, or null
 * @param gender    DMG03 (F, M, U), or null
 */
public record ClaimPerson(String memberId, String lastName, String firstName, LocalDate birthDate, String gender) {

    @Override
    public String toString() {
        return "ClaimPerson[masked]";
    }
}

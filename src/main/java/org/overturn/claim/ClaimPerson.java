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
 * @param address   N3/N4 of the loop, or null (the 837 needs it for whoever is the patient)
 */
public record ClaimPerson(String memberId, String lastName, String firstName, LocalDate birthDate, String gender,
                          ClaimAddress address) {

    /** A person without an address on file. */
    public ClaimPerson(String memberId, String lastName, String firstName, LocalDate birthDate, String gender) {
        this(memberId, lastName, firstName, birthDate, gender, null);
    }

    @Override
    public String toString() {
        return "ClaimPerson[masked]";
    }
}

package org.overturn.part2;

import java.time.LocalDate;

/**
 * What a signed consent form says, as a user enters it (42 CFR 2.31(a)). Recorded for a denial, the patient's name
 * and member id come from the claim, the date of birth from the claim as billed when it is on file, the recipient
 * defaults to the denial's payer, and who discloses to the program paid for the claim.
 */
public record ConsentTerms(String patientLastName, String patientFirstName, LocalDate patientBirthDate,
                           String memberId, String discloser, String information, Recipient recipient,
                           boolean generalDesignation, String purpose, LocalDate expiresOn, String expiryEvent,
                           String signedBy, LocalDate signedOn) {
}

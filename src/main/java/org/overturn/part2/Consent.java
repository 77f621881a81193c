package org.overturn.part2;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's written consent to disclose their Part 2 records, with the elements 42 CFR 2.31(a) requires. The
 * patient is named by name and date of birth (a member id changes with the plan and is kept as the form gave it).
 * Holds PHI: never log it.
 *
 * @param discloser          who may disclose: the Part 2 program(s) named on the form
 * @param information        how much and what kind of information may be disclosed
 * @param recipient          the named recipient; null under the general designation alone
 * @param generalDesignation the form names "my treating providers, health plans, third-party payers, and people
 *                           helping to operate this program" (2.31(a)(4)(i)): it covers payers, no one else
 * @param expiresOn          the last day the consent covers, or null when it ends with {@code expiryEvent}
 * @param expiryEvent        the event or condition that ends it, as the form says; null with a date only
 * @param signedBy           who signed: the patient, or the person lawfully signing for them
 * @param revokedAt          when the patient revoked it (or the expiry event was recorded), or null
 * @param missingElements    the 2.31 elements a consent recorded before they were kept lacks; empty when complete
 */
public record Consent(long id, String patientLastName, String patientFirstName, LocalDate patientBirthDate,
                      String memberId, String discloser, String information, Recipient recipient,
                      boolean generalDesignation, String purpose, LocalDate expiresOn, String expiryEvent,
                      String signedBy, LocalDate signedOn, Instant revokedAt, String recordedBy,
                      List<String> missingElements) {

    public Consent {
        missingElements = List.copyOf(missingElements);
    }

    /** Complete, signed on or before the day, not expired by then, and not revoked. */
    public boolean validOn(LocalDate day) {
        return missingElements.isEmpty() && revokedAt == null && signedOn != null && !signedOn.isAfter(day)
                && (expiresOn == null || !expiresOn.isBefore(day));
    }

    /** Whether the consent lets a record go to that recipient: the one it names, or a payer under the designation. */
    public boolean covers(Recipient to) {
        if (to == null) {
            return false;
        }
        return recipient != null && recipient.sameAs(to) || generalDesignation && to.kind() == Recipient.Kind.PAYER;
    }

    /** The payer the consent names, or null when it names another kind of recipient. */
    public String payerId() {
        return recipient != null && recipient.kind() == Recipient.Kind.PAYER ? recipient.id() : null;
    }

    /**
     * A clear statement of the consent's scope (42 CFR 2.32(b)), sent with each disclosure made under it: who may
     * disclose what to whom, for which purpose, until when, signed by whom and when.
     */
    public String scope() {
        String to = generalDesignation
                ? "my treating providers, health plans, third-party payers, and people helping to operate this program"
                        + (recipient == null ? "" : "; and " + recipient.describe())
                : recipient.describe();
        String until = expiresOn != null && expiryEvent != null
                ? "on " + expiresOn + " or upon " + expiryEvent + ", whichever comes first"
                : expiresOn != null ? "on " + expiresOn : "upon " + expiryEvent;
        return "Consent no. " + id + " of " + patientFirstName + " " + patientLastName
                + (patientBirthDate == null ? "" : " (born " + patientBirthDate + ")")
                + ", signed by " + signedBy + " on " + signedOn + ". It permits " + discloser + " to disclose "
                + information + " to " + to + ", for this purpose: " + purpose + ". It expires " + until
                + " unless revoked earlier; the patient may revoke it at any time, except to the extent that action"
                + " has been taken in reliance on it.";
    }
}

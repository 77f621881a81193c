package org.overturn.claim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Was the claim filed within the payer's limit? Counted from the first date of service to the first time the payer
 * accepted the claim (277CA), which is the proof a payer accepts; without an acceptance on file, to the date the
 * claim was first sent, which the biller can back only with the clearinghouse's own records.
 *
 * @param firstServiceDate  first date of service on the claim
 * @param firstSubmittedOn  the first time a claim with this CLM01 was sent
 * @param acceptedOn        the first acceptance on file (277CA), or null
 * @param proof             the acceptance report's reference, or null
 * @param limitDays         the payer's timely-filing limit in days from the date of service
 * @param daysToFiling      days from service to the acceptance (or, without one, to the first sending)
 * @param withinLimit       whether those days are within the limit; null when a date is missing
 * @param proofOnFile       whether the count rests on a payer's acceptance
 */
public record TimelyFiling(LocalDate firstServiceDate, LocalDate firstSubmittedOn, LocalDate acceptedOn, String proof,
                           int limitDays, Long daysToFiling, Boolean withinLimit, boolean proofOnFile) {

    public static TimelyFiling of(StoredClaim claim, int limitDays) {
        LocalDate service = claim.claim().firstServiceDate();
        LocalDate accepted = claim.acceptance() == null ? null : claim.acceptance().acceptedOn();
        LocalDate firstSent = claim.firstSubmittedOn() != null ? claim.firstSubmittedOn() : claim.submittedOn();
        LocalDate filed = accepted != null ? accepted : firstSent;
        Long days = service == null || filed == null ? null : ChronoUnit.DAYS.between(service, filed);
        return new TimelyFiling(service, firstSent, accepted,
                claim.acceptance() == null ? null : claim.acceptance().reference(), limitDays, days,
                days == null ? null : days <= limitDays, accepted != null);
    }
}

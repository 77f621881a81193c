package org.overturn.payer;

/**
 * The date a payer counts its timely-filing limit from for a corrected (replacement) claim: the date of service, as
 * for a first claim, or its last action on the claim (the remittance that denied it), as some payers' manuals
 * define it.
 */
public enum CorrectedClaimClock {
    DATE_OF_SERVICE, LAST_PAYER_ACTION
}

package org.overturn.denial;

/**
 * A claim payment that looks denied at first sight but is not a denial (DESIGN section 3): it is stored, shown on its
 * remittance and counted apart, and no work starts for it.
 */
public enum NotADenial {
    /** CLP02 4 with routine adjustments only, among them CARC 24: the service is paid by the capitation contract. */
    CAPITATED,
    /** CLP02 4 with routine adjustments only and no CARC 24 (say a prior payer's adjudication, or patient owes it). */
    ROUTINE_ADJUSTMENTS,
    /** CLP02 25: a predetermination, an estimate on which nothing was due. */
    PREDETERMINATION
}

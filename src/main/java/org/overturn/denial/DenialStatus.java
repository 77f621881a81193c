package org.overturn.denial;

/** Where a denial stands. OPEN until its process carries it to one of the closing states. */
public enum DenialStatus {
    /** Being worked: correction, appeal preparation, approval or a decision is pending. */
    OPEN,
    /** A corrected claim went to the payer; waiting for its answer. */
    CORRECTION_SUBMITTED,
    /** An appeal went to the payer; waiting for its decision. */
    APPEALED,
    /** Paid after all. */
    RECOVERED,
    WRITTEN_OFF,
    PATIENT_RESPONSIBILITY,
    /** The payer reversed the denied claim; a new adjudication follows in a later 835. */
    REVERSED,
    /** A later 835 denied the claim again while it was being worked: the new denial carries on. */
    SUPERSEDED,
    /** A later 835 for the same claim arrived while the denial was waiting: the original process handles it. */
    FOLLOW_UP,
    /** An exact duplicate (OA-18) of a claim paid on file: nothing was lost, nothing written off. */
    DUPLICATE_OF_PAID,
    /** A recoupment (the payer taking back a payment) the practice accepts as right: closed without a write-off. */
    RECOUPMENT_ACCEPTED,
    /** The service was paid after all, by another payer or by a later payment found: closed without a write-off. */
    PAID_ELSEWHERE;

    public boolean isClosed() {
        return this == RECOVERED || this == WRITTEN_OFF || this == PATIENT_RESPONSIBILITY || this == REVERSED
                || this == SUPERSEDED || this == FOLLOW_UP || isNothingLost();
    }

    /** Closed with nothing lost and nothing written off: counted apart from write-offs. */
    public boolean isNothingLost() {
        return this == DUPLICATE_OF_PAID || this == RECOUPMENT_ACCEPTED || this == PAID_ELSEWHERE;
    }
}

package org.overturn.recoupment;

/** Where a recoupment stands. */
public enum RecoupmentStatus {
    /** Waiting for review in patient accounts. */
    OPEN,
    /** Disputed with the payer; waiting for its answer. */
    DISPUTED,
    /** The take-back is right: closed with nothing more to recover (the denial's word for the same closing). */
    RECOUPMENT_ACCEPTED,
    /** Disputed and the payer gave the money back. */
    REVERSED,
    /** Disputed and the payer kept the money. */
    UPHELD;

    public boolean isClosed() {
        return this == RECOUPMENT_ACCEPTED || this == REVERSED || this == UPHELD;
    }
}

package org.overturn.underpayment;

/** Where the dispute of an underpayment stands: found, disputed with the payer, paid the difference, or let go. */
public enum UnderpaymentStatus {
    OPEN, DISPUTED, RECOVERED, ACCEPTED;

    boolean closed() {
        return this == RECOVERED || this == ACCEPTED;
    }
}

package org.overturn.authorization;

/** Where the payer's decision on an authorization stands. */
public enum AuthorizationStatus {
    REQUESTED, APPROVED, PARTIALLY_APPROVED, DENIED, EXPIRED;

    /** Approved in whole or in part: the services it names may be billed under it. */
    public boolean grants() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }
}

package org.overturn.authorization;

/**
 * What the register says about an authorization denial's claim (DESIGN section 3): each has its own path and its
 * own appeal wording.
 */
public enum AuthorizationFinding {
    /** No approved authorization for this member and payer. */
    NONE_ON_FILE,
    /** An authorization on file covers the date, service and provider with units left: the payer erred. */
    VALID_ON_FILE,
    /** The authorization for this service did not span the date of service. */
    EXPIRED,
    /** The authorization spans the date and covers the service, but its units, visits or days were used up. */
    UNITS_EXHAUSTED,
    /** An authorization is on file, but for another service or level of care. */
    WRONG_SERVICE,
    /** The authorization covers the service and date, but is restricted to another provider. */
    WRONG_PROVIDER
}

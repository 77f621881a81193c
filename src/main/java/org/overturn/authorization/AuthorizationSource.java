package org.overturn.authorization;

/** How an authorization came into the register. */
public enum AuthorizationSource {
    API, PAGE, IMPORT,
    /** Approved by the payer on a retro-authorization request for a denied claim, recorded with its decision. */
    RETRO
}

package org.overturn.demo;

/** The licences a behavioral-health clinic bills under; payers credential (and deny) by type. */
public enum ProviderType {
    PSYCHIATRIST("MD"),
    NURSE_PRACTITIONER("PMHNP"),
    PSYCHOLOGIST("PHD"),
    LCSW("LCSW"),
    LPC("LPC"),
    LMFT("LMFT"),
    ADDICTION_COUNSELOR("LADC");

    private final String credential;

    ProviderType(String credential) {
        this.credential = credential;
    }

    /** The letters after the name. */
    public String credential() {
        return credential;
    }

    boolean prescribes() {
        return this == PSYCHIATRIST || this == NURSE_PRACTITIONER;
    }
}

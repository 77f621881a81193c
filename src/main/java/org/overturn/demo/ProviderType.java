package org.overturn.demo;

/**
 * The licences a behavioral-health clinic bills under; payers credential (and deny) by type. Each with the NUCC
 * taxonomy code its clinicians carry on the clinic's 837s (PRV03; see {@code claim/provider-taxonomy.csv}).
 */
public enum ProviderType {
    PSYCHIATRIST("MD", "2084P0800X"),
    NURSE_PRACTITIONER("PMHNP", "363LP0808X"),
    PSYCHOLOGIST("PHD", "103TC0700X"),
    LCSW("LCSW", "1041C0700X"),
    LPC("LPC", "101YP2500X"),
    LMFT("LMFT", "106H00000X"),
    ADDICTION_COUNSELOR("LADC", "101YA0400X");

    private final String credential;
    private final String taxonomy;

    ProviderType(String credential, String taxonomy) {
        this.credential = credential;
        this.taxonomy = taxonomy;
    }

    /** NUCC Health Care Provider Taxonomy code of the licence (Psychiatry, Clinical Social Worker ...). */
    String taxonomy() {
        return taxonomy;
    }

    /** The letters after the name. */
    public String credential() {
        return credential;
    }

    boolean prescribes() {
        return this == PSYCHIATRIST || this == NURSE_PRACTITIONER;
    }
}

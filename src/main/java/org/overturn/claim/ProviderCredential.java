package org.overturn.claim;

/**
 * The license level a provider's taxonomy code tells, as payers' credentialing rules and Medicare's
 * "who may bill psychotherapy" rules speak of it. Read from the NUCC Health Care Provider Taxonomy code set
 * ({@code claim/provider-taxonomy.csv}, with its version and source); a code not in the list tells none.
 */
public enum ProviderCredential {
    PSYCHIATRIST("Psychiatrist"),
    PHYSICIAN("Physician (not psychiatry)"),
    PSYCHOLOGIST("Psychologist"),
    LCSW("Clinical social worker (LCSW)"),
    SOCIAL_WORKER("Social worker (not clinical)"),
    LPC("Professional counselor (LPC)"),
    LMFT("Marriage and family therapist (LMFT)"),
    ADDICTION_COUNSELOR("Addiction (substance use disorder) counselor"),
    PSYCHIATRIC_NURSE_PRACTITIONER("Psychiatric/mental health nurse practitioner"),
    NURSE_PRACTITIONER("Nurse practitioner (not psychiatric)"),
    CLINICAL_NURSE_SPECIALIST("Clinical nurse specialist"),
    PHYSICIAN_ASSISTANT("Physician assistant"),
    BEHAVIOR_ANALYST("Behavior analyst"),
    /** Practises under a behavior analyst's supervision (NUCC 106E00000X); payers credential and pay it apart from a behavior analyst. */
    ASSISTANT_BEHAVIOR_ANALYST("Assistant behavior analyst (supervised)"),
    /** A paraprofessional who carries out a behavior analyst's plan under supervision (NUCC 106S00000X). */
    BEHAVIOR_TECHNICIAN("Behavior technician (paraprofessional, supervised)"),
    PEER_SPECIALIST("Peer specialist"),
    COUNSELOR("Counselor (license level not told)"),
    FACILITY("Facility or agency");

    private final String label;

    ProviderCredential(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The credential of a taxonomy code, or null for an unknown or blank code. */
    public static ProviderCredential ofTaxonomy(String taxonomy) {
        return ProviderTaxonomies.standard().credentialOf(taxonomy);
    }
}

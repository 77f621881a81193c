package org.overturn.claim;

/** Which 837 a claim came in: professional (CMS-1500 form) or institutional (UB-04 form). */
public enum ClaimKind {
    /** 005010X222A1, 837P. */
    PROFESSIONAL("837P", "005010X222A1"),
    /** 005010X223A2, 837I. */
    INSTITUTIONAL("837I", "005010X223A2");

    private final String label;
    private final String implementation;

    ClaimKind(String label, String implementation) {
        this.label = label;
        this.implementation = implementation;
    }

    /** "837P" or "837I", as the {@code inspect} JSON and the pages name it. */
    public String label() {
        return label;
    }

    /** The GS08 this product writes for the kind. */
    public String implementation() {
        return implementation;
    }
}

package org.overturn.letters;

/** What a letter is for; each kind of a denial has its own versions per appeal level. */
public enum LetterKind {
    /** The appeal of one level, sent to the payer's appeals address. */
    APPEAL,
    /** The payer-facing cover letter that goes with a corrected (replacement) claim. */
    CORRECTED_CLAIM_COVER,
    /** Parity: asks the plan for its comparative analysis of the limitation and the criteria it applied. */
    PARITY_ANALYSIS_REQUEST,
    /** Parity: the complaint to the plan's regulator, filed by the specialist. */
    PARITY_COMPLAINT
}

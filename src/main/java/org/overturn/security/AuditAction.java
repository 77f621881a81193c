package org.overturn.security;

/** What an audit event records. */
public enum AuditAction {
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    /** Someone looked at a record holding PHI. */
    VIEW,
    /** PHI left the screen: a spreadsheet, a file download. */
    EXPORT,
    UPLOAD,
    TASK_COMPLETED,
    LETTER_SENT,
    /** Part 2 information disclosed to a payer under a patient's consent. */
    DISCLOSURE,
    /** A patient's written consent to disclose Part 2 records to a payer was put on file. */
    CONSENT_RECORDED,
    CONSENT_REVOKED,
    /** A provider was flagged as a Part 2 program, or no longer. */
    PART2_PROGRAM_CHANGED,
    /** A payer's directory entry created, changed or confirmed, by hand or by a spreadsheet import. */
    PAYER_CHANGED,
    /** A signed-in user was refused a page, an API call or a record (403). */
    ACCESS_REFUSED,
    /** A job that had failed all its retries was tried again. */
    JOB_RETRIED,
    /** A change made through the process engine's own tools (Cockpit, Tasklist, Admin, its REST API). */
    ENGINE_OPERATION,
    /** A replacement or void 837 was made from a biller's correction. */
    CORRECTED_CLAIM_MADE,
    /** A replacement or void 837 was written to the clearinghouse outbox. */
    CORRECTED_CLAIM_RELEASED,
    /** An authorization was entered or changed in the register, by hand, through the API or by an import. */
    AUTHORIZATION_CHANGED,
    /** A manager allowed a patient to be billed for a contractual (CO) denial the patient is held harmless for. */
    PATIENT_BILLING_OVERRIDE,
    /** A practice created, changed or confirmed, or a user's practices changed. */
    PRACTICE_CHANGED
}

package org.overturn.denial;

import java.util.List;

/** The work queues of DESIGN section 3; each is a Camunda candidate group. */
public final class WorkQueue {

    public static final String CODING = "coding";
    public static final String AUTHORIZATIONS = "authorizations";
    public static final String ELIGIBILITY = "eligibility";
    public static final String CREDENTIALING = "credentialing";
    public static final String APPEALS = "appeals";
    public static final String PARITY = "parity";
    public static final String MANAGERS = "managers";
    public static final String PATIENT_ACCOUNTS = "patient-accounts";

    public static final List<String> ALL = List.of(CODING, AUTHORIZATIONS, ELIGIBILITY, CREDENTIALING, APPEALS,
            PARITY, MANAGERS, PATIENT_ACCOUNTS);

    private WorkQueue() {
    }
}

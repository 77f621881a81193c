package org.overturn.denial;

/** The fixed root-cause vocabulary of DESIGN section 3; each root cause is worked in one queue. */
public enum RootCause {
    AUTHORIZATION(WorkQueue.AUTHORIZATIONS),
    ELIGIBILITY(WorkQueue.ELIGIBILITY),
    CODING(WorkQueue.CODING),
    TELEHEALTH(WorkQueue.CODING),
    MISSING_INFORMATION(WorkQueue.CODING),
    MEDICAL_NECESSITY(WorkQueue.APPEALS),
    BENEFIT_LIMIT(WorkQueue.APPEALS),
    NON_COVERED(WorkQueue.APPEALS),
    TIMELY_FILING(WorkQueue.APPEALS),
    DUPLICATE(WorkQueue.CODING),
    CREDENTIALING(WorkQueue.CREDENTIALING),
    COORDINATION_OF_BENEFITS(WorkQueue.ELIGIBILITY),
    BUNDLING(WorkQueue.CODING),
    OTHER(WorkQueue.APPEALS);

    private final String queue;

    RootCause(String queue) {
        this.queue = queue;
    }

    /** The work queue (Camunda candidate group) where denials of this root cause are worked by default. */
    public String queue() {
        return queue;
    }
}

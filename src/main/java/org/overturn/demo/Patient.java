package org.overturn.demo;

/**
 * A patient of the clinic as a payer knows them. Invented.
 *
 * @param middleInitial null when none
 * @param memberId      the patient's own id with the payer (NM1*QC NM109)
 * @param subscriber    the policy holder when it is someone else (NM1*IL), else null
 * @param groupNumber   employer group (REF*1L) for commercial plans, else null
 * @param sud           treated in the clinic's Part 2 SUD program
 */
record Patient(
        Payer payer,
        String lastName,
        String firstName,
        String middleInitial,
        String memberId,
        Subscriber subscriber,
        String groupNumber,
        boolean sud) {

    record Subscriber(String lastName, String firstName, String memberId) {
    }
}

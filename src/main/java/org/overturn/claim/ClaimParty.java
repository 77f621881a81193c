package org.overturn.claim;

/**
 * An organisation named by an NM1 of the 837: submitter (41), receiver (40), payer (PR).
 *
 * @param name NM103
 * @param id   NM109 (ETIN for submitter and receiver, payer id for the payer)
 */
public record ClaimParty(String name, String id) {
}

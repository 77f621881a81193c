package org.overturn.claim;

/**
 * What storing a 999 or 277CA did.
 *
 * @param fileId    claim_file id
 * @param answers   acknowledgement rows stored (one per claim of a 277CA, one per claim of each set of a 999)
 * @param joined    of those, how many were joined to a claim on file
 * @param rejected  of those, how many say the claim was rejected
 */
public record StoredAcknowledgements(long fileId, int answers, int joined, int rejected) {
}

package org.overturn.claim;

import java.util.List;

/**
 * What storing an 837 did.
 *
 * @param fileId          claim_file id
 * @param storedClaimIds  billed_claim ids of the claims stored, in file order
 * @param duplicateClaims claims already on file (the same submission in another file), not stored again
 */
public record StoredClaimFile(long fileId, List<Long> storedClaimIds, int duplicateClaims) {

    public StoredClaimFile {
        storedClaimIds = List.copyOf(storedClaimIds);
    }
}

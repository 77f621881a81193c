package org.overturn.claim;

import java.util.List;

/**
 * A 999's answer on one transaction set (AK2..IK5): accepted, accepted with errors, or rejected, with the errors
 * and the claims (CTX CLM01) they were found in.
 *
 * @param transactionType  AK201 (837)
 * @param controlNumber    AK202, the ST02 acknowledged
 * @param implementation   AK203, or null
 * @param status           IK501: A accepted, E accepted with errors, R rejected, M/W/X rejected for other reasons
 * @param errors           one line per IK3/IK4 ("segment CLM at 22: ...")
 * @param claimIds         CLM01 values named by CTX segments, in order
 */
public record TransactionSetAcknowledgement(
        String transactionType,
        String controlNumber,
        String implementation,
        String status,
        List<String> errors,
        List<String> claimIds) {

    public TransactionSetAcknowledgement {
        errors = List.copyOf(errors);
        claimIds = List.copyOf(claimIds);
    }

    public boolean accepted() {
        return "A".equals(status) || "E".equals(status);
    }
}

package org.overturn.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * A 999 implementation acknowledgment (005010X231A1) of one functional group of claims.
 *
 * @param groupControlNumber   AK102, the GS06 acknowledged
 * @param implementation       AK103, the GS08 acknowledged, or null
 * @param groupStatus          AK901: A accepted, E accepted with errors, P partially accepted, R rejected
 * @param createdOn            GS04 of the 999
 * @param sender               GS02 of the 999
 * @param transactionSets      one per AK2
 */
public record FunctionalAcknowledgement(
        String groupControlNumber,
        String implementation,
        String groupStatus,
        LocalDate createdOn,
        String sender,
        List<TransactionSetAcknowledgement> transactionSets) {

    public FunctionalAcknowledgement {
        transactionSets = List.copyOf(transactionSets);
    }
}

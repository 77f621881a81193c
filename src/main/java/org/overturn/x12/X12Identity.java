package org.overturn.x12;

/**
 * What a file says it holds, from its first functional group and transaction set header.
 *
 * @param functionalId   GS01 (HP payments, HC claims, FA acknowledgements, HN claim status notifications ...)
 * @param transactionSet ST01 (835, 837, 999, 277 ...)
 * @param implementation GS08 (005010X221A1, 005010X222A1, 005010X223A2, 005010X231A1, 005010X214 ...), or null
 */
public record X12Identity(String functionalId, String transactionSet, String implementation) {

    public boolean is(String transactionSetId) {
        return transactionSetId.equals(transactionSet);
    }
}

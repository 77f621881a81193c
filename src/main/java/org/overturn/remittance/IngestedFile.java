package org.overturn.remittance;

import java.util.List;

/**
 * What {@link RemittanceStore#store} wrote for one file.
 *
 * @param fileId     the stored file's id
 * @param stored     the transaction sets stored, in file order
 * @param duplicates transaction sets skipped because the same payer's trace number was already on file
 */
public record IngestedFile(long fileId, List<IngestedTransaction> stored, List<RemittanceAdvice> duplicates) {

    public record IngestedTransaction(long remittanceId, RemittanceAdvice advice, List<String> balanceProblems,
                                      List<IngestedClaim> claims) {
    }

    /**
     * @param reversedClaimPaymentId for a reversal (CLP02 22), the stored payment it takes back, when on file
     */
    public record IngestedClaim(long claimPaymentId, ClaimPayment claim, Long reversedClaimPaymentId) {
    }
}

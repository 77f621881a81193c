package org.overturn.denial;

import java.util.Optional;
import org.overturn.claim.BilledClaimView;
import org.overturn.claim.ClaimAnswers;
import org.overturn.claim.StoredClaim;
import org.overturn.claim.TimelyFiling;
import org.overturn.payer.PayerDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claim as billed behind a denial, with its timely-filing count against the payer's limit: what the denial
 * page, the API and the letters show of it.
 */
@Service
public class BilledClaims {

    private final ClaimAnswers answers;
    private final PayerDirectory payers;

    BilledClaims(ClaimAnswers answers, PayerDirectory payers) {
        this.answers = answers;
        this.payers = payers;
    }

    /** A denial's claim on file, with what follows from it. */
    public record BilledClaim(StoredClaim stored, BilledClaimView view, TimelyFiling timelyFiling) {
    }

    /**
     * @param claimPaymentId the 835 claim payment the denial is about
     * @param payerId        the 835 payer's id (the payer directory's key), whose filing limit applies
     */
    @Transactional(readOnly = true)
    public Optional<BilledClaim> of(long claimPaymentId, String payerId) {
        return answers.claimFor(claimPaymentId).map(stored -> {
            int limit = payers.timelyFilingDays(payerId, stored.claim().filingIndicator());
            return new BilledClaim(stored, BilledClaimView.of(stored), TimelyFiling.of(stored, limit));
        });
    }
}

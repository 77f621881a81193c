package org.overturn.payer;

import java.time.Instant;
import java.util.List;

/**
 * A practice's own terms with a payer where its contract differs from the payer directory: each field left null keeps
 * the directory's. {@code updatedAt} and {@code updatedBy} are null for a practice that has no terms of its own.
 */
public record PracticePayerTerms(long practiceId, String payerId, Integer appealLimitDays,
                                 Integer secondLevelAppealLimitDays, Integer thirdLevelAppealLimitDays,
                                 Integer timelyFilingDays, CorrectedClaimClock correctedClaimClock,
                                 Integer providerDisputeDays, List<ContractedRate> contractedRates,
                                 Instant updatedAt, String updatedBy) {

    public PracticePayerTerms {
        contractedRates = contractedRates == null ? List.of() : List.copyOf(contractedRates);
    }

    static PracticePayerTerms none(long practiceId, String payerId) {
        return new PracticePayerTerms(practiceId, payerId, null, null, null, null, null, null, List.of(), null, null);
    }

    /** The directory's profile with this practice's limits in place of the directory's. */
    PayerProfile over(PayerProfile p) {
        return new PayerProfile(p.id(), p.name(), p.planType(), p.appealEmail(),
                appealLimitDays != null ? appealLimitDays : p.appealLimitDays(),
                secondLevelAppealLimitDays != null ? secondLevelAppealLimitDays : p.secondLevelAppealLimitDays(),
                thirdLevelAppealLimitDays != null ? thirdLevelAppealLimitDays : p.thirdLevelAppealLimitDays(),
                timelyFilingDays != null ? timelyFilingDays : p.timelyFilingDays(), p.correctedClaimRules(),
                p.addressLine1(), p.addressLine2(), p.city(), p.state(), p.postalCode(), p.phone(), p.needsReview(),
                p.claimStatusDays());
    }

    /** The directory's appeal route with this practice's dispute window and corrected-claim clock. */
    PayerAppealTerms over(PayerAppealTerms t) {
        return new PayerAppealTerms(t.funding(), t.medicaidManagedCare(),
                providerDisputeDays != null ? providerDisputeDays : t.providerDisputeDays(),
                correctedClaimClock != null ? correctedClaimClock : t.correctedClaimClock(), t.peerToPeerHours());
    }
}

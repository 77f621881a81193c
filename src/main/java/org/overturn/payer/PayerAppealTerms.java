package org.overturn.payer;

/**
 * What the payer directory says about a payer's appeal route, beyond its plan type: how a commercial plan is funded
 * ({@code null} when nobody said), whether a Medicaid payer is a managed-care plan, the window in days of the
 * contractual dispute a network provider may file instead of the member's appeal ({@code null}: the payer's appeal
 * limit), the date a corrected claim's filing limit counts from ({@code null}: the date of service), and how many
 * hours after its denial of ongoing care the payer still grants a peer-to-peer review with its reviewer
 * ({@code null}: not known, ask the payer).
 */
public record PayerAppealTerms(PlanFunding funding, boolean medicaidManagedCare, Integer providerDisputeDays,
                               CorrectedClaimClock correctedClaimClock, Integer peerToPeerHours) {

    public static final PayerAppealTerms NONE = new PayerAppealTerms(null, false, null, null, null);

    public PayerAppealTerms(PlanFunding funding, boolean medicaidManagedCare, Integer providerDisputeDays,
                            CorrectedClaimClock correctedClaimClock) {
        this(funding, medicaidManagedCare, providerDisputeDays, correctedClaimClock, null);
    }

    public PayerAppealTerms(PlanFunding funding, boolean medicaidManagedCare, Integer providerDisputeDays) {
        this(funding, medicaidManagedCare, providerDisputeDays, null, null);
    }

    public PayerAppealTerms {
        if (providerDisputeDays != null && providerDisputeDays < 1) {
            throw new IllegalArgumentException("a provider dispute window is at least one day, not "
                    + providerDisputeDays);
        }
        if (peerToPeerHours != null && peerToPeerHours < 1) {
            throw new IllegalArgumentException("a peer-to-peer window is at least one hour, not " + peerToPeerHours);
        }
    }
}

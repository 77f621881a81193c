package org.overturn.payer;

/**
 * What the payer directory says about a payer's appeal route, beyond its plan type: how a commercial plan is funded
 * ({@code null} when nobody said), whether a Medicaid payer is a managed-care plan, the window in days of the
 * contractual dispute a network provider may file instead of the member's appeal ({@code null}: the payer's appeal
 * limit), and the date a corrected claim's filing limit counts from ({@code null}: the date of service).
 */
public record PayerAppealTerms(PlanFunding funding, boolean medicaidManagedCare, Integer providerDisputeDays,
                               CorrectedClaimClock correctedClaimClock) {

    public static final PayerAppealTerms NONE = new PayerAppealTerms(null, false, null, null);

    public PayerAppealTerms(PlanFunding funding, boolean medicaidManagedCare, Integer providerDisputeDays) {
        this(funding, medicaidManagedCare, providerDisputeDays, null);
    }

    public PayerAppealTerms {
        if (providerDisputeDays != null && providerDisputeDays < 1) {
            throw new IllegalArgumentException("a provider dispute window is at least one day, not "
                    + providerDisputeDays);
        }
    }
}

package org.overturn.parity;

import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PlanFunding;
import org.overturn.payer.PlanType;

/**
 * Which parity law, if any, binds the plan behind a denial, told from the plan, not from CLP06 alone: the payer
 * directory's plan type, market and sponsor ({@link PayerAppealTerms}) and the parity facts' funding. What each
 * regime means (whether parity applies, the law, the citations, the regulators) is data:
 * {@code reference/parity/regimes.csv} ({@link ParityLaw}). {@link #UNKNOWN} is never guessed away: the screen
 * asks for the missing fact.
 */
public enum ParityRegime {
    MEDICARE, TRICARE, MEDICAID_FFS, MEDICAID_MANAGED_CARE, ERISA_SELF_FUNDED, ERISA_FULLY_INSURED, INDIVIDUAL_MARKET,
    NON_FEDERAL_GOVERNMENTAL, GOVERNMENT_OPTED_OUT, CHURCH_PLAN, SMALL_EMPLOYER_EXEMPT, UNKNOWN;

    /** The regime of a plan; {@code planType} is the directory's (or CLP06's) plan type. */
    public static ParityRegime of(PlanType planType, PayerAppealTerms terms, ParityFacts facts) {
        return switch (planType == null ? PlanType.OTHER : planType) {
            case MEDICARE, MEDICARE_ADVANTAGE -> MEDICARE;
            case TRICARE -> TRICARE;
            // the directory's flag, as the appeal regime reads it (DESIGN §3): MC without it is fee-for-service
            case MEDICAID -> terms.medicaidManagedCare() ? MEDICAID_MANAGED_CARE : MEDICAID_FFS;
            case COMMERCIAL -> commercial(terms.funding(), facts);
            case OTHER -> UNKNOWN;
        };
    }

    private static ParityRegime commercial(PlanFunding market, ParityFacts facts) {
        if (market == null) {
            // the parity facts can tell the sponsor when the directory does not: an ERISA or a government plan
            market = switch (facts.funding()) {
                case SELF_FUNDED_ERISA -> PlanFunding.EMPLOYER_GROUP;
                case GOVERNMENT -> PlanFunding.GOVERNMENT;
                case FULLY_INSURED, UNKNOWN -> null;
            };
            if (market == null) {
                return UNKNOWN;
            }
        }
        return switch (market) {
            case INDIVIDUAL_MARKET -> INDIVIDUAL_MARKET;
            case CHURCH -> CHURCH_PLAN;
            // a self-funded plan only can still hold an opt-out; insured government plans never could
            case GOVERNMENT -> facts.governmentOptOut() == ParityFacts.Answer.YES
                    && facts.funding() != ParityFacts.Funding.FULLY_INSURED ? GOVERNMENT_OPTED_OUT
                    : NON_FEDERAL_GOVERNMENTAL;
            case EMPLOYER_GROUP -> switch (facts.funding()) {
                case SELF_FUNDED_ERISA -> facts.smallEmployer() == ParityFacts.Answer.YES ? SMALL_EMPLOYER_EXEMPT
                        : ERISA_SELF_FUNDED;
                // an insured small group plan still owes parity through the essential health benefits
                case FULLY_INSURED -> ERISA_FULLY_INSURED;
                case GOVERNMENT, UNKNOWN -> UNKNOWN;
            };
        };
    }
}

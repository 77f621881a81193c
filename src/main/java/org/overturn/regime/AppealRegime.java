package org.overturn.regime;

import org.overturn.payer.PayerAppealTerms;

/** Whose appeal rules apply to a denial (DESIGN section 3, "Appeal regime and deadline"). */
public enum AppealRegime {
    MEDICARE_AB, MEDICARE_ADVANTAGE, MEDICAID_FFS, MEDICAID_MANAGED_CARE, ERISA, COMMERCIAL_STATE, PROVIDER_DISPUTE,
    UNKNOWN;

    /**
     * The default regime from CLP06 and what the payer directory says: MA/MB Medicare Part A/B; 16 Medicare
     * Advantage; MC Medicaid, managed care when the directory marks the payer a managed-care plan; 12-15 and HM
     * ERISA unless the directory says individual market, government or church plan; anything else unknown.
     */
    public static AppealRegime of(String filingIndicator, PayerAppealTerms terms) {
        if (filingIndicator == null) {
            return UNKNOWN;
        }
        return switch (filingIndicator) {
            case "MA", "MB" -> MEDICARE_AB;
            case "16" -> MEDICARE_ADVANTAGE;
            case "MC" -> terms.medicaidManagedCare() ? MEDICAID_MANAGED_CARE : MEDICAID_FFS;
            case "12", "13", "14", "15", "HM" -> terms.funding() == null || terms.funding().erisa()
                    ? ERISA : COMMERCIAL_STATE;
            default -> UNKNOWN;
        };
    }
}

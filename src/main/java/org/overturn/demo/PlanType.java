package org.overturn.demo;

/**
 * The kinds of health plan the demo clinic bills, each with the claim filing indicator (CLP06) its payers
 * send in the 835. The indicator decides which regime applies later (parity covers commercial and Medicaid
 * managed care, not Medicare).
 */
public enum PlanType {
    COMMERCIAL_PPO("12"),
    COMMERCIAL_POS("13"),
    COMMERCIAL_HMO("HM"),
    MEDICARE("MB"),
    MEDICARE_ADVANTAGE("16"),
    MEDICAID("MC");

    private final String filingIndicator;

    PlanType(String filingIndicator) {
        this.filingIndicator = filingIndicator;
    }

    /** CLP06 as the payer sends it. */
    public String filingIndicator() {
        return filingIndicator;
    }

    boolean isCommercial() {
        return this == COMMERCIAL_PPO || this == COMMERCIAL_POS || this == COMMERCIAL_HMO;
    }

    boolean isMedicareFamily() {
        return this == MEDICARE || this == MEDICARE_ADVANTAGE;
    }
}

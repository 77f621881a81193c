package org.overturn.payer;

/** The kind of plan behind a claim; decides the appeal deadline and (later) which parity rules apply. */
public enum PlanType {
    COMMERCIAL, MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, TRICARE, OTHER;

    /**
     * From CLP06, the claim filing indicator. 12-15, 17 and HM are commercial in an 835; CI and BL are 837 codes
     * that still appear in the wild.
     */
    public static PlanType fromFilingIndicator(String code) {
        if (code == null) {
            return OTHER;
        }
        return switch (code) {
            case "12", "13", "14", "15", "17", "HM", "CI", "BL" -> COMMERCIAL;
            case "MA", "MB" -> MEDICARE;
            case "16" -> MEDICARE_ADVANTAGE;
            case "MC" -> MEDICAID;
            case "CH" -> TRICARE;
            default -> OTHER;
        };
    }
}

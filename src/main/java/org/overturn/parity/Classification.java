package org.overturn.parity;

/**
 * The benefit classifications parity compares within (29 CFR 2590.712(c)(2)(ii)(A); 42 CFR 438.910(b)(2)):
 * a behavioral-health limitation is measured against medical/surgical benefits of the same classification only.
 */
public enum Classification {
    INPATIENT_IN_NETWORK, INPATIENT_OUT_OF_NETWORK, OUTPATIENT_IN_NETWORK, OUTPATIENT_OUT_OF_NETWORK, EMERGENCY,
    PRESCRIPTION_DRUGS;

    /**
     * The classification of a denied claim's services. Residential and withdrawal-management stays count as
     * inpatient, partial hospitalization and intensive outpatient as outpatient (as the 2013 rule's preamble lets a
     * plan assign intermediate services consistently); emergency from emergency-room revenue codes (045x) or E/M codes
     * 99281-99285; drugs from pharmacy revenue codes (025x). The 835 does not say whether the provider is in network:
     * out of network only when the payer said so (CARC 242 or 279).
     */
    public static Classification of(LevelOfCare level, java.util.Collection<String> codes,
                                    java.util.Collection<String> carcs) {
        boolean outOfNetwork = carcs.contains("242") || carcs.contains("279");
        for (String code : codes) {
            if (code == null) {
                continue;
            }
            if (code.matches("0?45\\d") || code.matches("9928[1-5]")) {
                return EMERGENCY;
            }
            if (code.matches("0?25\\d")) {
                return PRESCRIPTION_DRUGS;
            }
        }
        boolean inpatient = level == LevelOfCare.INPATIENT || level == LevelOfCare.RESIDENTIAL
                || level == LevelOfCare.WITHDRAWAL_MANAGEMENT;
        if (inpatient) {
            return outOfNetwork ? INPATIENT_OUT_OF_NETWORK : INPATIENT_IN_NETWORK;
        }
        return outOfNetwork ? OUTPATIENT_OUT_OF_NETWORK : OUTPATIENT_IN_NETWORK;
    }
}

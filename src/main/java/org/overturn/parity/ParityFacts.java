package org.overturn.parity;

/**
 * What a payer's plan does for comparable medical/surgical care (YES, NO or UNKNOWN), and who regulates it:
 * the screen compares a behavioral-health denial against these facts, and a complaint goes to the regulator
 * the funding and state point to.
 *
 * @param funding SELF_FUNDED_ERISA (Department of Labor, EBSA), FULLY_INSURED (the state's insurance
 *                department), GOVERNMENT (CMS) or UNKNOWN
 */
public record ParityFacts(String payerId, Answer paForMedicalOutpatient, Answer concurrentReviewForMedical,
                          Answer visitLimitsForMedical, Funding funding, String state) {

    public enum Answer { YES, NO, UNKNOWN }

    public enum Funding { SELF_FUNDED_ERISA, FULLY_INSURED, GOVERNMENT, UNKNOWN }

    /** A payer nobody has described yet. */
    public static ParityFacts unknown(String payerId) {
        return new ParityFacts(payerId, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Funding.UNKNOWN, null);
    }
}

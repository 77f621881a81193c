package org.overturn.parity;

import java.util.List;

/**
 * What a payer's plan does for comparable medical/surgical care (YES, NO or UNKNOWN), who funds it, and the numbers
 * the screen compares a behavioral-health limitation with. Market and sponsor (employer group, individual market,
 * government, church) are the payer directory's ({@code payer.PlanFunding}); these facts add what only parity needs.
 *
 * @param funding              SELF_FUNDED_ERISA (self-funded), FULLY_INSURED (insured), GOVERNMENT (a government
 *                             employer's plan) or UNKNOWN
 * @param smallEmployer        YES when the employer had 2 to 50 employees (exempt when self-funded)
 * @param governmentOptOut     YES while a non-federal governmental plan's parity opt-out still runs
 * @param reviewDaysBehavioral days between concurrent reviews of a behavioral-health stay, null when unknown
 * @param ratePercentMedical   network fee schedule for medical/surgical professionals as a percent of Medicare's
 * @param financial            the plan's medical/surgical copay and coinsurance per classification
 */
public record ParityFacts(String payerId, Answer paForMedicalOutpatient, Answer concurrentReviewForMedical,
                          Answer visitLimitsForMedical, Funding funding, String state, Answer smallEmployer,
                          Answer governmentOptOut, Answer stepTherapyForMedical, Answer telehealthLimitsForMedical,
                          Integer reviewDaysBehavioral, Integer reviewDaysMedical, Integer ratePercentBehavioral,
                          Integer ratePercentMedical, List<FinancialRequirement> financial) {

    public enum Answer { YES, NO, UNKNOWN }

    public enum Funding { SELF_FUNDED_ERISA, FULLY_INSURED, GOVERNMENT, UNKNOWN }

    /** The plan's medical/surgical cost sharing in one classification, and where it says so. */
    public record FinancialRequirement(Classification classification, java.math.BigDecimal copay,
                                       java.math.BigDecimal coinsurancePercent, String source) {
    }

    public ParityFacts {
        financial = financial == null ? List.of() : List.copyOf(financial);
        smallEmployer = orUnknown(smallEmployer);
        governmentOptOut = orUnknown(governmentOptOut);
        stepTherapyForMedical = orUnknown(stepTherapyForMedical);
        telehealthLimitsForMedical = orUnknown(telehealthLimitsForMedical);
    }

    /** The facts the first parity screen knew: the rest unknown. */
    public ParityFacts(String payerId, Answer paForMedicalOutpatient, Answer concurrentReviewForMedical,
                       Answer visitLimitsForMedical, Funding funding, String state) {
        this(payerId, paForMedicalOutpatient, concurrentReviewForMedical, visitLimitsForMedical, funding, state,
                Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, List.of());
    }

    /** A payer nobody has described yet. */
    public static ParityFacts unknown(String payerId) {
        return new ParityFacts(payerId, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Funding.UNKNOWN, null);
    }

    /** The medical/surgical cost sharing of the classification, if the plan's documents are on file. */
    public java.util.Optional<FinancialRequirement> financial(Classification classification) {
        return financial.stream().filter(f -> f.classification() == classification).findFirst();
    }

    private static Answer orUnknown(Answer answer) {
        return answer == null ? Answer.UNKNOWN : answer;
    }
}

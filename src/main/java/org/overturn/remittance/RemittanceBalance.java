package org.overturn.remittance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 835 balancing rules: the payment equals what the claims paid less the provider-level adjustments
 * ({@code BPR02 = Σ CLP04 − Σ PLB}); each claim's charge less its payment equals its adjustments, claim and
 * line level together ({@code CLP03 − CLP04 = Σ CAS}); and each line's likewise ({@code SVC02 − SVC03 = Σ
 * line CAS}). A file that does not balance is still a remittance: the problems are reported, not thrown.
 * Messages name claims by position and patient control number, never by patient.
 */
public final class RemittanceBalance {

    private static final int CENTS = 2;

    private RemittanceBalance() {
    }

    /** Every rule the transaction breaks, in file order; empty when it balances. */
    public static List<String> problems(RemittanceAdvice advice) {
        List<String> problems = new ArrayList<>();
        payment(advice, problems);
        int claimNumber = 0;
        for (ClaimPayment claim : advice.claims()) {
            claimNumber++;
            claim(claimNumber, claim, problems);
        }
        return problems;
    }

    private static void payment(RemittanceAdvice advice, List<String> problems) {
        BigDecimal claimsPaid = BigDecimal.ZERO;
        for (ClaimPayment claim : advice.claims()) {
            claimsPaid = claimsPaid.add(claim.paid());
        }
        BigDecimal providerAdjustments = BigDecimal.ZERO;
        for (ProviderAdjustment adjustment : advice.providerAdjustments()) {
            providerAdjustments = providerAdjustments.add(adjustment.amount());
        }
        BigDecimal expected = claimsPaid.subtract(providerAdjustments);
        BigDecimal payment = advice.payment().amount();
        if (payment.compareTo(expected) != 0) {
            problems.add("transaction " + advice.controlNumber() + ": claims paid " + money(claimsPaid)
                    + " − provider adjustments " + money(providerAdjustments) + " = " + money(expected)
                    + " but the payment is " + money(payment));
        }
    }

    private static void claim(int claimNumber, ClaimPayment claim, List<String> problems) {
        String name = "claim " + claimNumber + " (PCN " + claim.patientControlNumber() + ")";
        check(name, claim.charge(), claim.paid(), sum(claim.allAdjustments()), problems);
        int lineNumber = 0;
        for (ServiceLine line : claim.lines()) {
            lineNumber++;
            String lineName = name + " line " + lineNumber + " (" + line.procedure() + ")";
            check(lineName, line.charge(), line.paid(), sum(line.adjustments()), problems);
        }
    }

    private static void check(String name, BigDecimal charge, BigDecimal paid, BigDecimal adjustments,
                              List<String> problems) {
        BigDecimal difference = charge.subtract(paid);
        if (difference.compareTo(adjustments) != 0) {
            problems.add(name + ": charge " + money(charge) + " − paid " + money(paid) + " = " + money(difference)
                    + " but adjustments sum to " + money(adjustments));
        }
    }

    private static BigDecimal sum(List<Adjustment> adjustments) {
        BigDecimal total = BigDecimal.ZERO;
        for (Adjustment adjustment : adjustments) {
            total = total.add(adjustment.amount());
        }
        return total;
    }

    /** Dollars with at least two decimals, as a biller reads them. */
    private static String money(BigDecimal amount) {
        return (amount.scale() < CENTS ? amount.setScale(CENTS) : amount).toPlainString();
    }
}

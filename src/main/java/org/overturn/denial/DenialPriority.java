package org.overturn.denial;

import java.math.BigDecimal;

/**
 * Orders the work: a denial scores higher the more money it holds, the closer its appeal deadline, and the
 * likelier its kind is to be overturned. 0 to 100; Camunda task priority carries it so queues sort on it.
 */
public final class DenialPriority {

    /** Dollars at risk reach full weight at this amount (log scale below it). */
    private static final double FULL_WEIGHT_DOLLARS = 5_000;

    private DenialPriority() {
    }

    /**
     * @param daysLeft      days until the appeal deadline (negative when past)
     * @param limitDays     the whole appeal window, to tell "10 of 180 days left" from "10 of 30"
     * @param overturnRate  0..1, the historical share of appeals of this root cause that were overturned
     */
    public static int score(BigDecimal amountAtRisk, long daysLeft, int limitDays, double overturnRate) {
        double dollars = Math.min(1.0, Math.log1p(Math.max(0, amountAtRisk.doubleValue()))
                / Math.log1p(FULL_WEIGHT_DOLLARS));
        double urgency = daysLeft <= 0 ? 1.0 : 1.0 - Math.min(1.0, (double) daysLeft / Math.max(1, limitDays));
        double likelihood = Math.max(0, Math.min(1, overturnRate));
        // a denial past its deadline can rarely be recovered: it sinks rather than rises
        double deadlinePenalty = daysLeft < 0 ? 0.5 : 1.0;
        return (int) Math.round(100 * deadlinePenalty * (0.45 * dollars + 0.35 * urgency + 0.20 * likelihood));
    }
}

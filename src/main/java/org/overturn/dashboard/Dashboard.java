package org.overturn.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every figure of the manager dashboard for one filter, as computed by {@link Kpis}. */
public record Dashboard(DashboardFilter filter, LocalDate asOf, Rate overall, List<Rate> byPayer,
                        List<Rate> byRootCause, List<Rate> byProcedure, List<Rate> byProvider, List<Rate> byWeek,
                        OpenDollars open, List<Aging> aging, List<Backlog> backlog, Timing toAppeal,
                        Timing toResolution, List<AppealOutcomes> appealsByLevel,
                        List<AppealOutcomes> appealsByRootCause, Money recovered, Money writtenOff,
                        NotDenials notDenials, List<NothingLost> closedWithoutLoss, Underpaid underpaid) {

    /**
     * Paid lines below the practice's contracted rate, of the filter's remittances: how many, the dollars short of the
     * contract, and the part of those not yet recovered or let go (open or disputed).
     */
    public record Underpaid(long lines, BigDecimal dollars, BigDecimal open) {
    }

    /**
     * Denials closed with nothing lost and nothing written off, one row per such closing status (every one listed,
     * zero when none): a duplicate of a paid claim, a recoupment accepted, a service paid elsewhere. Dollars are the
     * amounts that were at risk.
     */
    public record NothingLost(String status, long denials, BigDecimal dollars) {
    }

    /** All the denials closed with nothing lost. */
    public Money closedWithoutLossTotal() {
        return new Money(closedWithoutLoss.stream().mapToLong(NothingLost::denials).sum(), closedWithoutLoss.stream()
                .map(NothingLost::dollars).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * Claims that look denied but are not (DESIGN section 3), counted apart from the denial rate: capitated services
     * (CLP02 4, routine adjustments only, CARC 24 among them), other CLP02 4 claims with routine adjustments only, and
     * predeterminations (CLP02 25). Charges are CLP03.
     */
    public record NotDenials(long capitated, BigDecimal capitatedCharged, long routineOnly,
                             long predeterminations, BigDecimal predeterminationsCharged) {
    }

    /**
     * Initial denial rate of one group of claims. {@code claims} are first adjudications in the filter (no
     * reversals, no later answers to a claim already on file); {@code denied} those of them that were denied;
     * charges are CLP03, denied dollars the denials' amounts at risk. Rates are null when nothing was billed.
     */
    public record Rate(String key, long claims, long denied, BigDecimal charged, BigDecimal deniedDollars,
                       Double byVolume, Double byDollars) {
    }

    /** Denials still being worked (open, correction submitted, appealed). */
    public record OpenDollars(long denials, BigDecimal atRisk) {
    }

    /** Open denials by days since the payer's remittance: 0-30, 31-60, 61-90, 91-120, >120. */
    public record Aging(String bucket, long denials, BigDecimal atRisk) {
    }

    /** Open tasks of a queue now, how many are past due, and the SLA breaches recorded in the filter's dates. */
    public record Backlog(String queue, long open, long overdue, BigDecimal atRisk, long slaBreaches) {
    }

    /** Days between two moments of a denial's life, over {@code denials} denials; null averages when none. */
    public record Timing(long denials, Double averageDays, Double medianDays) {
    }

    /** Appeals sent, and how the decided ones went; the overturn rate is overturned over decided. */
    public record AppealOutcomes(String key, long sent, long decided, long overturned, long upheld,
                                 Double overturnRate) {
    }

    public record Money(long denials, BigDecimal dollars) {
    }
}

package org.overturn.denial;

import java.time.LocalDate;
import org.overturn.payer.CorrectedClaimClock;

/**
 * By when a corrected claim must reach the payer: its timely-filing limit counted from the date the payer counts it
 * from (the first date of service, or its last action: the remittance that denied the claim).
 *
 * @param limitDays      the payer's timely-filing limit in days
 * @param countsFrom     which date the payer counts from
 * @param from           that date; null when unknown (no date of service on file)
 * @param dueOn          the last day; null when {@code from} is unknown
 * @param daysLeft       days from today to {@code dueOn} (negative when past)
 * @param withinLimit    whether a corrected claim sent today is in time; null when unknown
 * @param termsConfirmed whether someone confirmed the payer's terms (false: the plan type's defaults)
 */
public record CorrectedClaimFiling(int limitDays, CorrectedClaimClock countsFrom, LocalDate from, LocalDate dueOn,
                                   Long daysLeft, Boolean withinLimit, boolean termsConfirmed) {
}

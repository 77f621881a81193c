package org.overturn.regime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * One level of a regime's ladder, a row of the regime table.
 *
 * @param window             how long there is to file: {@link Window#FIXED} with {@code period}, the payer's
 *                           appeal limit for the level ({@link Window#PAYER}), its provider dispute window
 *                           ({@link Window#DISPUTE}), or nothing to file ({@link Window#NONE}, e.g. auto-forwarded)
 * @param clockStarts        the date the window counts from
 * @param presumedReceiptDays days after the notice's date its receipt is presumed (Medicare: 5)
 * @param decisionTime       how long the deciding body has, when a rule says; null otherwise
 * @param aicFloor           the amount in controversy the level requires, for year {@code aicYear}; null when none
 * @param source             where the numbers come from (rule, section, URL)
 * @param checked            the year the source was read
 */
public record RegimeLevel(AppealRegime regime, int level, String levelName, String decidedBy, RecipientKind recipient,
                          Window window, Period period, ClockStart clockStarts, int presumedReceiptDays,
                          Period decisionTime, BigDecimal aicFloor, Integer aicYear, String form, String source,
                          int checked) {

    public enum Window { FIXED, PAYER, DISPUTE, NONE }

    /** The remittance (the payer's first notice), or the decision letter of the level before. */
    public enum ClockStart { INITIAL_NOTICE, PREVIOUS_DECISION }

    /** The last day to file under the rule alone, or null when the level has no fixed window. */
    public LocalDate ruleDueOn(LocalDate clockStart) {
        return window == Window.FIXED ? clockStart.plusDays(presumedReceiptDays).plus(period) : null;
    }

    /** Whether an amount at risk may go to this level; always true without a floor. */
    public boolean admits(BigDecimal amountAtRisk) {
        return aicFloor == null || amountAtRisk == null || amountAtRisk.compareTo(aicFloor) >= 0;
    }
}

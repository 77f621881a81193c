package org.overturn.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A practice's month, as its billing office reports it to the practice: figures only, no patient, claim or account
 * number, so the report can be emailed and kept anywhere. Computed by {@link ClientReports}.
 *
 * @param received   original denials whose payer's remittance is dated in the month, with their dollars at risk
 * @param recovered  denials closed as recovered in the month, with the dollars recovered
 * @param writtenOff denials written off in the month, with the dollars at risk written off
 * @param open       denials received by the month's end and still being worked on {@code madeOn}
 * @param openByAge  the same, by days from the remittance to the month's last day
 * @param rootCauses the month's received denials by root cause, most dollars first (top {@value ClientReports#TOP})
 * @param payers     the month's received denials by payer, most dollars first (top {@value ClientReports#TOP})
 */
public record ClientReport(Practice practice, YearMonth month, LocalDate madeOn, Money received, Money recovered,
                           Money writtenOff, Money open, List<Aging> openByAge, List<Share> rootCauses,
                           List<Share> payers, Appeals appeals, Deadlines deadlines) {

    public record Practice(long id, String name) {
    }

    public record Money(long denials, BigDecimal dollars) {
    }

    /** Open denials of one age bucket (days since the remittance): 0-30, 31-60, 61-90, 91-120, >120. */
    public record Aging(String bucket, long denials, BigDecimal atRisk) {
    }

    /** One root cause or payer: how many denials, and their dollars at risk. */
    public record Share(String key, long denials, BigDecimal dollars) {
    }

    /**
     * Appeals sent in the month, and those the payer decided in the month: won (overturned) and lost (upheld).
     * {@code winRate} is won over decided, null when none was decided.
     */
    public record Appeals(long sent, long won, long lost, Double winRate) {
    }

    /**
     * Appeal deadlines: appeals sent in the month on or before their level's due date ({@code met}) or after it
     * ({@code filedLate}), and deadlines that fell due in the month with nothing sent ({@code missed}).
     */
    public record Deadlines(long met, long filedLate, long missed) {
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }
}

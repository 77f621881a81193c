package org.overturn.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A practice's monthly figures from the stored denials and appeals (the declared read models {@code denial_report},
 * {@code denial_appeal_report}), in a few aggregate queries. Like the dashboard it counts original denials only (a
 * denial that follows a corrected claim's new denial is part of the first one's story) and a denial's date is its
 * remittance's date. Months are calendar months in the server's time zone (the one clock).
 */
@Service
public class ClientReports {

    static final int TOP = 5;
    private static final List<String> AGING = List.of("0-30", "31-60", "61-90", "91-120", ">120");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ClientReports(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ClientReport compute(ClientReport.Practice practice, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        MapSqlParameterSource args = new MapSqlParameterSource()
                .addValue("practice", practice.id())
                .addValue("from", Date.valueOf(first))
                .addValue("next", Date.valueOf(next))
                .addValue("last", Date.valueOf(month.atEndOfMonth()))
                .addValue("fromAt", Timestamp.from(first.atStartOfDay(clock.getZone()).toInstant()))
                .addValue("nextAt", Timestamp.from(next.atStartOfDay(clock.getZone()).toInstant()));
        return new ClientReport(practice, month, LocalDate.now(clock),
                money("""
                        select count(*), sum(d.amount_at_risk) from denial_report d
                         where %s and %s >= :from and %s < :next""".formatted(ORIGINAL, RECEIVED, RECEIVED), args),
                money("""
                        select count(*), sum(d.recovered_amount) from denial_report d
                         where %s and d.status = 'RECOVERED' and d.closed_at >= :fromAt and d.closed_at < :nextAt
                        """.formatted(ORIGINAL), args),
                money("""
                        select count(*), sum(d.amount_at_risk) from denial_report d
                         where %s and d.status = 'WRITTEN_OFF' and d.closed_at >= :fromAt and d.closed_at < :nextAt
                        """.formatted(ORIGINAL), args),
                money("select count(*), sum(d.amount_at_risk) from denial_report d where " + OPEN, args),
                aging(args), shares("d.root_cause", args), shares("coalesce(d.payer_name, d.payer_id)", args),
                appeals(args), deadlines(args));
    }

    /** The practice's original denials (alias {@code d}). */
    private static final String ORIGINAL = "d.practice_id = :practice and d.follows_denial_id is null";
    /** The day a denial was received: its remittance's date, or the day it was found when the 835 had none. */
    private static final String RECEIVED = "coalesce(d.remittance_date, cast(d.detected_at as date))";
    /** Received by the month's end and still being worked. */
    private static final String OPEN = ORIGINAL + " and d.status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED') and "
            + RECEIVED + " < :next";

    private ClientReport.Money money(String sql, MapSqlParameterSource args) {
        return jdbc.queryForObject(sql, args, (rs, i) -> new ClientReport.Money(rs.getLong(1), dollars(rs.getBigDecimal(2))));
    }

    private List<ClientReport.Aging> aging(MapSqlParameterSource args) {
        long[] denials = new long[AGING.size()];
        BigDecimal[] atRisk = new BigDecimal[AGING.size()];
        java.util.Arrays.fill(atRisk, BigDecimal.ZERO);
        jdbc.query("""
                select case when age <= 30 then 0 when age <= 60 then 1 when age <= 90 then 2
                            when age <= 120 then 3 else 4 end, count(*), sum(amount_at_risk)
                  from (select :last::date - %s as age, d.amount_at_risk from denial_report d where %s) aged
                 group by 1""".formatted(RECEIVED, OPEN), args, rs -> {
            denials[rs.getInt(1)] = rs.getLong(2);
            atRisk[rs.getInt(1)] = rs.getBigDecimal(3);
        });
        List<ClientReport.Aging> aging = new ArrayList<>();
        for (int b = 0; b < AGING.size(); b++) {
            aging.add(new ClientReport.Aging(AGING.get(b), denials[b], dollars(atRisk[b])));
        }
        return aging;
    }

    /** The month's received denials grouped by {@code key}, most dollars first, then most denials, then by name. */
    private List<ClientReport.Share> shares(String key, MapSqlParameterSource args) {
        return jdbc.query("""
                select coalesce(%s, '(none)') as key, count(*) as denials, coalesce(sum(d.amount_at_risk), 0) as dollars
                  from denial_report d where %s and %s >= :from and %s < :next
                 group by 1 order by dollars desc, denials desc, key limit %d
                """.formatted(key, ORIGINAL, RECEIVED, RECEIVED, TOP), args,
                (rs, i) -> new ClientReport.Share(rs.getString(1), rs.getLong(2), dollars(rs.getBigDecimal(3))));
    }

    private ClientReport.Appeals appeals(MapSqlParameterSource args) {
        return jdbc.queryForObject("""
                select count(*) filter (where a.sent_at >= :fromAt and a.sent_at < :nextAt),
                       count(*) filter (where a.outcome = 'OVERTURNED' and a.decided_at >= :fromAt and a.decided_at < :nextAt),
                       count(*) filter (where a.outcome = 'UPHELD' and a.decided_at >= :fromAt and a.decided_at < :nextAt)
                  from denial_appeal_report a join denial_report d on d.id = a.denial_id
                 where %s""".formatted(ORIGINAL), args, (rs, i) -> {
            long won = rs.getLong(2);
            long lost = rs.getLong(3);
            return new ClientReport.Appeals(rs.getLong(1), won, lost, won + lost == 0 ? null : (double) won / (won + lost));
        });
    }

    /**
     * Appeals sent in the month against their level's due date, as the dashboard counts them; and the deadlines
     * that fell due in the month with no appeal sent (the deadline watch's MISSED events).
     */
    private ClientReport.Deadlines deadlines(MapSqlParameterSource args) {
        return jdbc.queryForObject("""
                select count(*) filter (where cast(a.sent_at as date) <= a.due_on),
                       count(*) filter (where cast(a.sent_at as date) > a.due_on),
                       (select count(*) from report_appeal_deadline_event e join denial_report d on d.id = e.denial_id
                         where %s and e.kind = 'MISSED' and e.due_on >= :from and e.due_on < :next)
                  from denial_appeal_report a join denial_report d on d.id = a.denial_id
                 where %s and a.due_on is not null and a.sent_at >= :fromAt and a.sent_at < :nextAt
                """.formatted(ORIGINAL, ORIGINAL), args,
                (rs, i) -> new ClientReport.Deadlines(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    private static BigDecimal dollars(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}

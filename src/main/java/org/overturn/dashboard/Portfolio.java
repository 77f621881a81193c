package org.overturn.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overturn.practice.PracticeRef;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing company's practices side by side: per practice the figures the dashboard shows for it alone (its
 * initial denial rate, open dollars at risk, appeal overturn rate, days from denial to resolution), in four grouped
 * queries over the same read models and with the same definitions as {@link Kpis}, whatever the number of practices.
 */
@Service
public class Portfolio {

    /** One practice's figures; rates and days are null when there is nothing to divide by. */
    public record Row(PracticeRef practice, long claims, long denied, Double denialRate, long openDenials,
                      BigDecimal dollarsAtRisk, long appealsDecided, long overturned, Double overturnRate,
                      long resolved, Double daysToResolution) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    Portfolio(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of these practices, in their order, for the filter's dates and payer (its practice scope ignored). */
    @Transactional(readOnly = true)
    public List<Row> of(List<PracticeRef> practices, DashboardFilter filter) {
        if (practices.isEmpty()) {
            return List.of();
        }
        DashboardFilter dates = new DashboardFilter(filter.from(), filter.to(), filter.payer());
        MapSqlParameterSource args = Kpis.arguments(dates)
                .addValue("practices", practices.stream().map(PracticeRef::id).toList());
        Map<Long, long[]> rates = new HashMap<>();
        jdbc.query("""
                select r.practice_id, coalesce(sum(c.claims), 0), coalesce(sum(c.denied), 0)
                  from denial_rate_cell c join remittance_report r on r.id = c.remittance_id
                 where c.dimension = 'all' and r.practice_id in (:practices) %s
                 group by r.practice_id""".formatted(Kpis.remittanceFilter(dates, "r")), args,
                rs -> { rates.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}); });
        Map<Long, Object[]> open = new HashMap<>();
        jdbc.query("""
                select d.practice_id, count(*), sum(d.amount_at_risk) from denial_report d
                 where d.status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED') and d.practice_id in (:practices) %s
                 group by d.practice_id""".formatted(Kpis.denialFilter(dates)), args,
                rs -> { open.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)}); });
        Map<Long, long[]> appeals = new HashMap<>();
        jdbc.query("""
                select d.practice_id, count(*) filter (where a.outcome = 'OVERTURNED'),
                       count(*) filter (where a.outcome = 'UPHELD')
                  from denial_appeal_report a join denial_report d on d.id = a.denial_id
                 where d.practice_id in (:practices) %s
                 group by d.practice_id""".formatted(Kpis.denialFilter(dates)), args,
                rs -> { appeals.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}); });
        Map<Long, Object[]> resolution = new HashMap<>();
        jdbc.query("""
                select d.practice_id, count(*), avg(extract(epoch from (d.closed_at - d.detected_at)) / 86400.0)
                  from denial_report d
                 where d.status in %s and d.closed_at is not null and d.practice_id in (:practices) %s
                 group by d.practice_id""".formatted(Kpis.RESOLVED_STATUSES, Kpis.denialFilter(dates)), args,
                rs -> { resolution.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getObject(3) == null ? null
                        : rs.getDouble(3)}); });
        return practices.stream().map(p -> {
            long[] rate = rates.getOrDefault(p.id(), new long[2]);
            Object[] stillOpen = open.getOrDefault(p.id(), new Object[] {0L, null});
            long[] decided = appeals.getOrDefault(p.id(), new long[2]);
            Object[] resolved = resolution.getOrDefault(p.id(), new Object[] {0L, null});
            long decidedCount = decided[0] + decided[1];
            return new Row(p, rate[0], rate[1], rate[0] == 0 ? null : (double) rate[1] / rate[0],
                    (Long) stillOpen[0], money((BigDecimal) stillOpen[1]), decidedCount, decided[0],
                    decidedCount == 0 ? null : (double) decided[0] / decidedCount, (Long) resolved[0],
                    (Double) resolved[1]);
        }).toList();
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}

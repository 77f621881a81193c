package org.overturn.parity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Parity cases counted for the dashboard: open by status, by payer and by kind of limitation, and outcomes. */
@Service
public class ParityKpis {

    public record Count(String key, String label, long open, long total) {
    }

    public record Figures(long open, long total, long likely, List<Count> byStatus, List<Count> byPayer,
                          List<Count> byLimitation, List<Count> outcomes) {
    }

    private final JdbcTemplate jdbc;

    ParityKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cases opened in the date range (inclusive), of one payer or all. */
    @Transactional(readOnly = true)
    public Figures figures(java.time.LocalDate from, java.time.LocalDate to, String payerId) {
        return figures(from, to, payerId, null);
    }

    /** The same, of the denials of these practices only (null: every practice). */
    @Transactional(readOnly = true)
    public Figures figures(java.time.LocalDate from, java.time.LocalDate to, String payerId,
                           java.util.Collection<Long> practices) {
        String where = " where c.opened_at >= ? and c.opened_at < ? and (?::text is null or c.payer_id = ?) "
                + (practices == null ? "" : " and c.denial_id in (select d.id from denial_report d"
                        + " where d.practice_id = any(?)) ");
        Object[] args = practices == null ? new Object[] {java.sql.Timestamp.valueOf(from.atStartOfDay()),
                java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()), payerId, payerId}
                : new Object[] {java.sql.Timestamp.valueOf(from.atStartOfDay()),
                java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()), payerId, payerId,
                practices.toArray(Long[]::new)};
        long[] totals = jdbc.queryForObject("select count(*) filter (where c.closed_at is null), count(*), "
                + "count(*) filter (where c.risk = 'LIKELY') from parity_case c" + where,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, args);
        return new Figures(totals[0], totals[1], totals[2], counts("c.status", where, args, null),
                counts("coalesce(p.name, c.payer_id, 'unknown')", where, args, null),
                counts("c.limitation", where, args, Limitations::label),
                counts("coalesce(c.outcome, 'open')", where, args, null));
    }

    private List<Count> counts(String key, String where, Object[] args,
                               java.util.function.Function<String, String> label) {
        Map<String, Count> counts = new LinkedHashMap<>();
        jdbc.query("select " + key + " as k, count(*) filter (where c.closed_at is null), count(*) "
                + "from parity_case c left join payer_report p on p.id = c.payer_id" + where + " group by 1 order by 3 desc, 1",
                row -> {
                    String k = row.getString(1);
                    counts.put(k, new Count(k, label == null ? k : label.apply(k), row.getLong(2), row.getLong(3)));
                }, args);
        return List.copyOf(counts.values());
    }
}

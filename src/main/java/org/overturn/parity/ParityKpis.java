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

    /**
     * What came of the cases of one plan and one kind of limitation: requests sent, analyses received, found deficient
     * or adequate, limitations the plan corrected, complaints filed and how each complaint ended.
     */
    public record Outcome(String payerId, String payer, String planRegime, String limitation, String limitationLabel,
                          long cases, long requestsSent, long analysesReceived, long deficient, long adequate,
                          long corrected, long complaintsFiled, Map<String, Long> complaintOutcomes) {
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

    /**
     * Outcomes per plan and per limitation, all cases ever opened (or one payer's), most cases first, of the denials
     * of these practices (null: every practice).
     */
    @Transactional(readOnly = true)
    public List<Outcome> outcomes(String payerId, java.util.Collection<Long> practices) {
        Long[] scope = practices == null ? null : practices.toArray(Long[]::new);
        Map<List<String>, Map<String, Long>> complaintOutcomes = new LinkedHashMap<>();
        jdbc.query("""
                select c.payer_id, c.limitation, c.outcome, count(*) from parity_case c
                 where c.complaint_filed_on is not null and c.outcome is not null
                   and (?::text is null or c.payer_id = ?)
                   and (?::bigint[] is null or c.denial_id in (select d.id from denial_report d
                                                                where d.practice_id = any(?)))
                 group by 1, 2, 3 order by 1, 2, 3""", row -> {
            complaintOutcomes.computeIfAbsent(List.of(String.valueOf(row.getString(1)), row.getString(2)),
                    k -> new LinkedHashMap<>()).put(row.getString(3), row.getLong(4));
        }, payerId, payerId, scope, scope);
        return jdbc.query("""
                select c.payer_id, coalesce(p.name, c.payer_id, 'unknown'), max(c.plan_regime), c.limitation, count(*),
                       count(c.request_sent_at), count(c.response_received_at),
                       count(*) filter (where c.analysis_assessment = 'DEFICIENT'),
                       count(*) filter (where c.analysis_assessment = 'ADEQUATE'), count(c.corrected_on),
                       count(c.complaint_filed_on)
                  from parity_case c left join payer_report p on p.id = c.payer_id
                 where (?::text is null or c.payer_id = ?)
                   and (?::bigint[] is null or c.denial_id in (select d.id from denial_report d
                                                                where d.practice_id = any(?)))
                 group by c.payer_id, p.name, c.limitation order by 5 desc, 2, 4, 1""", (rs, i) -> new Outcome(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Limitations.label(rs.getString(4)),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), complaintOutcomes.getOrDefault(List.of(String.valueOf(rs.getString(1)),
                        rs.getString(4)), Map.of())), payerId, payerId, scope, scope);
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

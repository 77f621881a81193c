package org.overturn.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.WorkQueue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures from the stored claims, denials, appeals and tasks: a handful of aggregate queries over
 * them and over two read models written in the same transactions as the rows they count (denial-rate cells per
 * remittance, {@code queue_task} per open task), nothing cached in memory, so the numbers are always those of the
 * data.
 * <p>
 * Every figure concerns the claims and denials whose remittance was paid in the filter's dates, by its payer.
 * The initial denial rate counts first adjudications only: a reversal (CLP02 22) or a later payment of a
 * claim already on file (same patient control number and payer, earlier remittance) is not a new claim. A
 * claim is attributed to the procedure code of its first service line and to its rendering provider's NPI.
 */
@Service
public class Kpis {

    static final String NO_PROCEDURE = "(no service line)";
    static final String NO_PROVIDER = "(no rendering NPI)";
    static final String NO_PAYER = "(no payer id)";

    /** Denials resolved, as the days to resolution count them (SQL list). */
    static final String RESOLVED_STATUSES = "('RECOVERED', 'WRITTEN_OFF', 'PATIENT_RESPONSIBILITY')";

    /** Denials still being worked. */
    private static final List<String> OPEN_STATUSES = List.of("OPEN", "CORRECTION_SUBMITTED", "APPEALED");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final FigureQueries queries;

    Kpis(NamedParameterJdbcTemplate jdbc, Clock clock, FigureQueries queries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queries = queries;
    }

    /**
     * The figures' seven queries run side by side ({@link FigureQueries}); no transaction around them, which would
     * hold a connection while the queries wait for theirs.
     */
    public Dashboard compute(DashboardFilter filter) {
        LocalDate today = LocalDate.now(clock);
        MapSqlParameterSource args = arguments(filter)
                .addValue("today", java.sql.Date.valueOf(today))
                .addValue("now", Timestamp.from(clock.instant()));
        var rates = queries.ask(() -> rates(filter, args));
        var standing = queries.ask(() -> standing(filter, args));
        var appeals = queries.ask(() -> appeals(filter, args));
        var backlog = queries.ask(() -> backlog(filter, args));
        var toResolution = queries.ask(() -> toResolution(filter, args));
        var notDenials = queries.ask(() -> notDenials(filter, args));
        var underpaid = queries.ask(() -> underpaid(filter, args));
        Rates r = FigureQueries.answer(rates);
        Standing s = FigureQueries.answer(standing);
        Appeals a = FigureQueries.answer(appeals);
        return new Dashboard(filter, today, r.overall, r.byPayer, r.byRootCause, r.byProcedure, r.byProvider,
                r.byWeek, s.open, s.aging, FigureQueries.answer(backlog), a.toAppeal,
                FigureQueries.answer(toResolution), a.byLevel, a.byRootCause, s.recovered, s.writtenOff,
                FigureQueries.answer(notDenials), s.nothingLost, FigureQueries.answer(underpaid));
    }

    /** Lines paid below contract in the filter's remittances (the underpayment module's view). */
    private Dashboard.Underpaid underpaid(DashboardFilter filter, MapSqlParameterSource args) {
        return jdbc.queryForObject("""
                select count(*), coalesce(sum(u.underpaid_amount), 0),
                       coalesce(sum(u.underpaid_amount) filter (where u.status in ('OPEN', 'DISPUTED')), 0)
                  from underpayment_report u join remittance_report r on r.id = u.remittance_id
                 where true %s
                """.formatted(remittanceFilter(filter, "r")), args, (rs, i) -> new Dashboard.Underpaid(rs.getLong(1),
                money(rs.getBigDecimal(2)), money(rs.getBigDecimal(3))));
    }

    /** The filter's parameters: :from, :to, :payer and :practices (the practices it counts, when not every one). */
    static MapSqlParameterSource arguments(DashboardFilter filter) {
        return new MapSqlParameterSource()
                .addValue("from", filter.from() == null ? null : java.sql.Date.valueOf(filter.from()))
                .addValue("to", filter.to() == null ? null : java.sql.Date.valueOf(filter.to()))
                .addValue("payer", filter.payer())
                .addValue("practices", filter.counted() == null || filter.counted().isEmpty() ? null
                        : List.copyOf(filter.counted()));
    }

    /** Capitated services and predeterminations of the filter's remittances, counted apart from denials. */
    private Dashboard.NotDenials notDenials(DashboardFilter filter, MapSqlParameterSource args) {
        return jdbc.queryForObject("""
                select count(*) filter (where c.not_a_denial = 'CAPITATED'),
                       coalesce(sum(c.charge) filter (where c.not_a_denial = 'CAPITATED'), 0),
                       count(*) filter (where c.not_a_denial = 'ROUTINE_ADJUSTMENTS'),
                       count(*) filter (where c.not_a_denial = 'PREDETERMINATION'),
                       coalesce(sum(c.charge) filter (where c.not_a_denial = 'PREDETERMINATION'), 0)
                  from remittance_claim_report c
                  join remittance_report r on r.id = c.remittance_id
                 where c.not_a_denial is not null %s
                """.formatted(remittanceFilter(filter, "r")), args, (rs, i) -> new Dashboard.NotDenials(
                rs.getLong(1), money(rs.getBigDecimal(2)), rs.getLong(3), rs.getLong(4), money(rs.getBigDecimal(5))));
    }

    /** A payer to filter by: the value the filter takes and the name to show. */
    public record PayerOption(String value, String name) {
    }

    @Transactional(readOnly = true)
    public List<PayerOption> payers() {
        return payers(DashboardFilter.ALL);
    }

    /** The payers of the remittances of the practices the filter's user works (all of them, not just the one chosen). */
    @Transactional(readOnly = true)
    public List<PayerOption> payers(DashboardFilter filter) {
        DashboardFilter scope = new DashboardFilter(null, null, null, filter.practices());
        return jdbc.query("""
                select coalesce(r.payer_id, r.payer_name) as value, max(coalesce(r.payer_name, r.payer_id)) as name
                  from remittance_report r where coalesce(r.payer_id, r.payer_name) is not null %s
                 group by 1 order by 2, 1
                """.formatted(practiceCondition(scope, "r")), arguments(scope),
                (rs, i) -> new PayerOption(rs.getString(1), rs.getString(2)));
    }

    private record Rates(Dashboard.Rate overall, List<Dashboard.Rate> byPayer, List<Dashboard.Rate> byRootCause,
                         List<Dashboard.Rate> byProcedure, List<Dashboard.Rate> byProvider,
                         List<Dashboard.Rate> byWeek) {
    }

    /**
     * Summed from the denial-rate cells of the filter's remittances ({@link DenialRateCells}). Provider, procedure and
     * cause cells add up by key; payer and week are facts of the remittance, so they (and the overall total) group
     * the remittances' one 'all' cell each.
     */
    private Rates rates(DashboardFilter filter, MapSqlParameterSource args) {
        String remittances = remittanceFilter(filter, "r");
        String sql = """
                select c.dimension, c.key, sum(c.claims) as claims, sum(c.denied) as denied, sum(c.charged) as charged,
                       sum(c.denied_dollars) as denied_dollars
                  from denial_rate_cell c
                 where c.dimension <> 'all' %s
                 group by c.dimension, c.key
                 union all
                select case when grouping(payer) = 0 then 'payer' when grouping(week) = 0 then 'week' else 'all' end,
                       case when grouping(payer) = 0 then payer when grouping(week) = 0 then week else 'All claims' end,
                       coalesce(sum(claims), 0), coalesce(sum(denied), 0), coalesce(sum(charged), 0),
                       coalesce(sum(denied_dollars), 0)
                  from (select coalesce(r.payer_name, r.payer_id, '%s') as payer,
                               to_char(date_trunc('week', r.payment_date), 'YYYY-MM-DD') as week,
                               c.claims, c.denied, c.charged, c.denied_dollars
                          from denial_rate_cell c join remittance_report r on r.id = c.remittance_id
                         where c.dimension = 'all' %s) remitted
                 group by grouping sets ((), (payer), (week))
                """.formatted(remittances.isEmpty() ? ""
                        : "and c.remittance_id in (select r.id from remittance_report r where true" + remittances + ")",
                NO_PAYER, remittances);
        record Group(String dimension, String key, long claims, long denied, BigDecimal charged,
                     BigDecimal deniedDollars) {
        }
        List<Group> groups = jdbc.query(sql, args, (rs, i) -> new Group(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6))));
        Group all = groups.stream().filter(g -> g.dimension().equals("all")).findFirst()
                .orElse(new Group("all", "All claims", 0, 0, money(null), money(null)));
        Map<String, List<Dashboard.Rate>> by = new LinkedHashMap<>();
        for (Group g : groups) {
            if (g.dimension().equals("all")) {
                continue;
            }
            // a root cause's share is of all claims in the filter: only denials have a root cause
            Dashboard.Rate rate = g.dimension().equals("cause")
                    ? rate(g.key(), all.claims(), g.denied(), all.charged(), g.deniedDollars())
                    : rate(g.key(), g.claims(), g.denied(), g.charged(), g.deniedDollars());
            by.computeIfAbsent(g.dimension(), k -> new ArrayList<>()).add(rate);
        }
        return new Rates(rate(all.key(), all.claims(), all.denied(), all.charged(), all.deniedDollars()),
                sorted(by.get("payer"), MOST_DENIED), sorted(by.get("cause"), MOST_DENIED),
                sorted(by.get("procedure"), MOST_DENIED), sorted(by.get("provider"), MOST_DENIED),
                sorted(by.get("week"), BY_KEY));
    }

    /** A group without key (a remittance without payment date has no week) sorts last, never fails the page. */
    static final Comparator<Dashboard.Rate> BY_KEY = Comparator.comparing(Dashboard.Rate::key,
            Comparator.nullsLast(Comparator.naturalOrder()));
    static final Comparator<Dashboard.Rate> MOST_DENIED = Comparator.comparing(Dashboard.Rate::deniedDollars)
            .reversed().thenComparing(BY_KEY);

    private static List<Dashboard.Rate> sorted(List<Dashboard.Rate> rates, Comparator<Dashboard.Rate> order) {
        return rates == null ? List.of() : rates.stream().sorted(order).toList();
    }

    static Dashboard.Rate rate(String key, long claims, long denied, BigDecimal charged, BigDecimal deniedDollars) {
        return new Dashboard.Rate(key, claims, denied, charged, deniedDollars,
                claims == 0 ? null : (double) denied / claims,
                charged.signum() == 0 ? null : deniedDollars.divide(charged, 6, RoundingMode.HALF_UP).doubleValue());
    }

    /** Where the filter's denials stand now, from one scan of the denial table. */
    private record Standing(Dashboard.OpenDollars open, List<Dashboard.Aging> aging, Dashboard.Money recovered,
                            Dashboard.Money writtenOff, List<Dashboard.NothingLost> nothingLost) {
    }

    /** Denials of one status and aging bucket (an index into {@link #AGING}), with their dollars. */
    private record Tally(String status, int bucket, long denials, BigDecimal atRisk, BigDecimal recovered) {
    }

    private static final List<String> AGING = List.of("0-30", "31-60", "61-90", "91-120", ">120");

    /**
     * Open dollars by age, recoveries and write-offs, added up from the denials tallied by status and age bucket
     * in one pass rather than a scan of the table per figure.
     */
    private Standing standing(DashboardFilter filter, MapSqlParameterSource args) {
        List<Tally> tallies = jdbc.query("""
                select status, case when age <= 30 then 0 when age <= 60 then 1 when age <= 90 then 2
                                    when age <= 120 then 3 else 4 end as bucket,
                       count(*) as denials, sum(amount_at_risk) as at_risk, sum(recovered_amount) as recovered
                  from (select d.status, d.amount_at_risk, d.recovered_amount,
                               :today::date - coalesce(d.remittance_date, d.detected_at::date) as age
                          from denial_report d where true %s) aged
                 group by 1, 2
                """.formatted(denialFilter(filter)), args, (rs, i) -> new Tally(rs.getString("status"),
                rs.getInt("bucket"), rs.getLong("denials"), rs.getBigDecimal("at_risk"),
                rs.getBigDecimal("recovered")));
        List<Tally> open = tallies.stream().filter(t -> OPEN_STATUSES.contains(t.status())).toList();
        List<Dashboard.Aging> aging = new ArrayList<>();
        for (int bucket = 0; bucket < AGING.size(); bucket++) {
            int b = bucket;
            Dashboard.Money aged = total(open.stream().filter(t -> t.bucket() == b).toList(), Tally::atRisk);
            aging.add(new Dashboard.Aging(AGING.get(b), aged.denials(), aged.dollars()));
        }
        Dashboard.Money stillOpen = total(open, Tally::atRisk);
        return new Standing(new Dashboard.OpenDollars(stillOpen.denials(), stillOpen.dollars()), aging,
                total(tallies.stream().filter(t -> t.status().equals("RECOVERED")).toList(), Tally::recovered),
                total(tallies.stream().filter(t -> t.status().equals("WRITTEN_OFF")).toList(), Tally::atRisk),
                nothingLost(tallies));
    }

    /** Closed with nothing lost, per status, apart from the write-offs. */
    private static List<Dashboard.NothingLost> nothingLost(List<Tally> tallies) {
        return java.util.Arrays.stream(DenialStatus.values()).filter(DenialStatus::isNothingLost).map(status -> {
            Dashboard.Money m = total(tallies.stream().filter(t -> t.status().equals(status.name())).toList(),
                    Tally::atRisk);
            return new Dashboard.NothingLost(status.name(), m.denials(), m.dollars());
        }).toList();
    }

    private static Dashboard.Money total(List<Tally> tallies, java.util.function.Function<Tally, BigDecimal> dollars) {
        return new Dashboard.Money(tallies.stream().mapToLong(Tally::denials).sum(), money(tallies.stream()
                .map(dollars).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    private List<Dashboard.Backlog> backlog(DashboardFilter filter, MapSqlParameterSource args) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> atRisk = new LinkedHashMap<>();
        // queue_task: the open tasks by queue, with the facts of their denials the filter needs
        jdbc.query("""
                select q.queue, count(*) as open, count(*) filter (where q.due_date < :now) as overdue,
                       coalesce(sum(q.amount_at_risk), 0) as at_risk
                  from workflow_queue_task q
                 where true %s
                 group by q.queue
                """.formatted(queueTaskFilter(filter)), args, rs -> {
            counts.put(rs.getString("queue"), new long[] {rs.getLong("open"), rs.getLong("overdue"), 0});
            atRisk.put(rs.getString("queue"), money(rs.getBigDecimal("at_risk")));
        });
        jdbc.query("select b.queue, count(*) from workflow_sla_breach b join denial_report d on d.id = b.denial_id where true "
                + denialFilter(filter) + " group by b.queue", args, rs -> {
            counts.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2);
        });
        List<Dashboard.Backlog> backlog = new ArrayList<>();
        for (String queue : WorkQueue.ALL) {
            long[] c = counts.getOrDefault(queue, new long[3]);
            backlog.add(new Dashboard.Backlog(queue, c[0], c[1], atRisk.getOrDefault(queue, money(null)), c[2]));
        }
        return backlog;
    }

    /**
     * A query of its own rather than a grouping set of {@link #standing}'s scan: its median (an ordered-set
     * aggregate) would make that scan sort its denials instead of hashing them, slower than this second look at
     * the closed ones (measured at 130,000 denials).
     */
    private Dashboard.Timing toResolution(DashboardFilter filter, MapSqlParameterSource args) {
        return timing("""
                select extract(epoch from (d.closed_at - d.detected_at)) / 86400.0 as days
                  from denial_report d
                 where d.status in %s and d.closed_at is not null %s
                """.formatted(RESOLVED_STATUSES, denialFilter(filter)), args);
    }

    private Dashboard.Timing timing(String daysSql, MapSqlParameterSource args) {
        return jdbc.queryForObject("select count(*), avg(days), percentile_cont(0.5) within group (order by days) from ("
                + daysSql + ") timed", args, (rs, i) -> new Dashboard.Timing(rs.getLong(1),
                rs.getObject(2) == null ? null : rs.getDouble(2),
                rs.getObject(3) == null ? null : rs.getDouble(3)));
    }

    /** How the filter's appeals went, by level and by root cause, and how long its denials waited to be appealed. */
    private record Appeals(Dashboard.Timing toAppeal, List<Dashboard.AppealOutcomes> byLevel,
                           List<Dashboard.AppealOutcomes> byRootCause) {
    }

    /**
     * One pass over the filter's appeals for the outcomes by level, by root cause and the days to appeal (the
     * grouping set {@code ()}). A denial counts once towards the days to appeal, on its first appeal sent.
     */
    private Appeals appeals(DashboardFilter filter, MapSqlParameterSource args) {
        record Group(String set, Dashboard.AppealOutcomes outcomes, Dashboard.Timing timing) {
        }
        List<Group> groups = jdbc.query("""
                select case when grouping(level) = 0 then 'level' when grouping(root_cause) = 0 then 'cause'
                            else 'all' end as grouped_by, coalesce(level, root_cause) as key,
                       count(*) as sent, count(*) filter (where outcome = 'OVERTURNED') as overturned,
                       count(*) filter (where outcome = 'UPHELD') as upheld,
                       count(days_to_appeal) as appealed, avg(days_to_appeal) as average_days,
                       percentile_cont(0.5) within group (order by days_to_appeal) as median_days
                  from (select a.level::text as level, d.root_cause, a.outcome,
                               case when row_number() over (partition by a.denial_id order by a.sent_at) = 1
                                    then extract(epoch from (a.sent_at - d.detected_at)) / 86400.0 end as days_to_appeal
                          from denial_appeal_report a join denial_report d on d.id = a.denial_id
                         where true %s) sent
                 group by grouping sets ((level), (root_cause), ())
                 order by grouped_by, key
                """.formatted(denialFilter(filter)), args, (rs, i) -> {
            long overturned = rs.getLong("overturned");
            long decided = overturned + rs.getLong("upheld");
            return new Group(rs.getString("grouped_by"), new Dashboard.AppealOutcomes(rs.getString("key"),
                    rs.getLong("sent"), decided, overturned, rs.getLong("upheld"),
                    decided == 0 ? null : (double) overturned / decided),
                    new Dashboard.Timing(rs.getLong("appealed"),
                            rs.getObject("average_days") == null ? null : rs.getDouble("average_days"),
                            rs.getObject("median_days") == null ? null : rs.getDouble("median_days")));
        });
        // the grouping set () always yields its row, appeals or none
        return new Appeals(groups.stream().filter(g -> g.set().equals("all")).findFirst().orElseThrow().timing(),
                groups.stream().filter(g -> g.set().equals("level")).map(Group::outcomes).toList(),
                groups.stream().filter(g -> g.set().equals("cause")).map(Group::outcomes).toList());
    }

    /** The filter on remittances (alias {@code r}); parameters :from, :to, :payer, :practices. */
    static String remittanceFilter(DashboardFilter filter, String r) {
        StringBuilder where = new StringBuilder();
        if (filter.from() != null) {
            where.append(" and ").append(r).append(".payment_date >= :from");
        }
        if (filter.to() != null) {
            where.append(" and ").append(r).append(".payment_date <= :to");
        }
        if (filter.payer() != null) {
            where.append(" and (").append(r).append(".payer_id = :payer or ").append(r).append(".payer_name = :payer)");
        }
        return where.append(practiceCondition(filter, r)).toString();
    }

    /**
     * The practices the filter counts, on the {@code practice_id} of the rows with alias {@code t}: nothing at all
     * when the user is assigned to none (or chose one of somebody else's).
     */
    static String practiceCondition(DashboardFilter filter, String t) {
        if (filter.counted() == null) {
            return "";
        }
        return filter.counted().isEmpty() ? " and false" : " and " + t + ".practice_id in (:practices)";
    }

    /** The practices as a list the IN clause can take: none is a list of an id no practice has. */
    private static List<Long> practiceIds(DashboardFilter filter) {
        return filter.practices() == null || filter.practices().isEmpty() ? List.of(-1L)
                : List.copyOf(filter.practices());
    }

    /** The filter on denials (alias {@code d}): original denials only, their remittance's date and payer. */
    static String denialFilter(DashboardFilter filter) {
        return " and d.follows_denial_id is null" + remittanceDateAndPayer(filter, "d");
    }

    /** The filter on open tasks (alias {@code q}, view {@code workflow_queue_task}): their denials' date and payer. */
    private static String queueTaskFilter(DashboardFilter filter) {
        return remittanceDateAndPayer(filter, "q");
    }

    /** A denial's remittance date and payer, as copied on each row of the table with alias {@code t}. */
    private static String remittanceDateAndPayer(DashboardFilter filter, String t) {
        StringBuilder where = new StringBuilder();
        if (filter.from() != null) {
            where.append(" and ").append(t).append(".remittance_date >= :from");
        }
        if (filter.to() != null) {
            where.append(" and ").append(t).append(".remittance_date <= :to");
        }
        if (filter.payer() != null) {
            where.append(" and (").append(t).append(".payer_id = :payer or ").append(t).append(".payer_name = :payer)");
        }
        return where.append(practiceCondition(filter, t)).toString();
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}

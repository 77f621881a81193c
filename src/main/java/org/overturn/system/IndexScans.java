package org.overturn.system;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs queries planned for their actual parameters, with sequential scans priced out, so that PostgreSQL reads
 * through indexes. For queries over the rows the current transaction has just written (a file's claims, denials
 * and tasks, thousands per remittance): the planner's statistics do not know those rows yet and take the tables
 * for nearly empty, and a prepared statement's generic plan guesses ten elements for any array it is given. Both
 * led to plans that read a whole table once per row (half a second and more a remittance). Every table these
 * queries touch is read by an index, so the index plan is right whatever the statistics say. Must run inside a
 * transaction; the settings are restored before it returns.
 */
public final class IndexScans {

    private IndexScans() {
    }

    public static void forced(JdbcTemplate jdbc, Runnable queries) {
        forced(jdbc, () -> {
            queries.run();
            return null;
        });
    }

    public static <T> T forced(JdbcTemplate jdbc, Supplier<T> queries) {
        return with(jdbc, false, queries);
    }

    /**
     * As {@link #forced}, and joined key by key (nested loops): for a join from a set's keys (an array of a few
     * thousand) into a table that holds far more rows than the set names, such as every open denial. With
     * sequential scans priced out, the planner still read all the open rows through another index
     * (their status) into a hash table, once per statement: 17 ms a remittance with 38,000 open denials, and growing
     * with them (issue 20). The query must fix the order itself (a lateral subquery the planner may not flatten):
     * with statistics from before the file, a plain join put the set's array on the inner side and read it once per
     * open denial. Not for a query that aggregates over its own rows, where a hash join is the right plan.
     */
    public static void perKey(JdbcTemplate jdbc, Runnable queries) {
        perKey(jdbc, () -> {
            queries.run();
            return null;
        });
    }

    public static <T> T perKey(JdbcTemplate jdbc, Supplier<T> queries) {
        return with(jdbc, true, queries);
    }

    private static <T> T with(JdbcTemplate jdbc, boolean nestedLoops, Supplier<T> queries) {
        String joins = nestedLoops ? "off" : null;
        String[] before = jdbc.queryForObject("""
                select current_setting('enable_seqscan'), current_setting('plan_cache_mode'),
                       current_setting('enable_hashjoin'), current_setting('enable_mergejoin'),
                       set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true),
                       set_config('enable_hashjoin', coalesce(?, current_setting('enable_hashjoin')), true),
                       set_config('enable_mergejoin', coalesce(?, current_setting('enable_mergejoin')), true)
                """, (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                joins, joins);
        T result;
        try {
            result = queries.get();
        } catch (RuntimeException failure) {
            try {
                restore(jdbc, before);
            } catch (RuntimeException abortedTransaction) {
                // a failed statement aborts the transaction, which ends the settings with it: the query's own error
                // is the one to tell
                failure.addSuppressed(abortedTransaction);
            }
            throw failure;
        }
        restore(jdbc, before);
        return result;
    }

    private static void restore(JdbcTemplate jdbc, String[] before) {
        jdbc.queryForObject("""
                select set_config('enable_seqscan', ?, true), set_config('plan_cache_mode', ?, true),
                       set_config('enable_hashjoin', ?, true), set_config('enable_mergejoin', ?, true)
                """, (rs, i) -> null, before[0], before[1], before[2], before[3]);
    }
}

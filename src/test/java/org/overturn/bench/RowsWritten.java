package org.overturn.bench;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows inserted, updated and deleted in the engine's tables ({@code act_*}) and in Overturn's, from PostgreSQL's
 * table statistics. The same work writes the same rows whatever the machine's load, so this is the benchmark's
 * measure of how much a denial costs the database. The statistics are sent by each session when it is idle, at most
 * every 10 s; {@link #now} waits that long first.
 */
record RowsWritten(long engineInserted, long engineUpdated, long engineDeleted, long ownInserted, long ownUpdated,
                   long ownDeleted) {

    static RowsWritten now(JdbcTemplate jdbc) throws InterruptedException {
        // PGSTAT_IDLE_INTERVAL: an idle session's counts reach the shared statistics within 10 s
        Thread.sleep(11_000);
        jdbc.execute("select pg_stat_clear_snapshot()");
        Map<String, Object> row = jdbc.queryForMap("select "
                + "coalesce(sum(n_tup_ins) filter (where relname like 'act\\_%'), 0) as ei, "
                + "coalesce(sum(n_tup_upd) filter (where relname like 'act\\_%'), 0) as eu, "
                + "coalesce(sum(n_tup_del) filter (where relname like 'act\\_%'), 0) as ed, "
                + "coalesce(sum(n_tup_ins) filter (where relname not like 'act\\_%'), 0) as oi, "
                + "coalesce(sum(n_tup_upd) filter (where relname not like 'act\\_%'), 0) as ou, "
                + "coalesce(sum(n_tup_del) filter (where relname not like 'act\\_%'), 0) as od "
                + "from pg_stat_user_tables");
        return new RowsWritten(n(row, "ei"), n(row, "eu"), n(row, "ed"), n(row, "oi"), n(row, "ou"), n(row, "od"));
    }

    RowsWritten since(RowsWritten start) {
        return new RowsWritten(engineInserted - start.engineInserted, engineUpdated - start.engineUpdated,
                engineDeleted - start.engineDeleted, ownInserted - start.ownInserted, ownUpdated - start.ownUpdated,
                ownDeleted - start.ownDeleted);
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}

package org.overturn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's own account of where a file's time went: PostgreSQL's pg_stat_statements, loaded into the embedded
 * server when a benchmark is run with {@code -Dbench.statements=<file>}, reset before the file and written to that
 * file after it (time per statement, nested ones such as triggers' included, and the rows each wrote), then every
 * statement run {@value #EVERY_FROM} times or more with its whole text.
 */
final class StatementTimes {

    /** The fewest calls for a statement to be listed whole. */
    private static final int EVERY_FROM = 500;

    private final Path report;

    private StatementTimes(Path report) {
        this.report = report;
    }

    /** Null unless the benchmark was asked for the statements' times. */
    static StatementTimes requested() {
        String file = System.getProperty("bench.statements");
        return file == null || file.isBlank() ? null : new StatementTimes(Path.of(file));
    }

    /** The application properties that load the extension into the embedded server. */
    static List<String> serverSettings() {
        return List.of("overturn.database.settings.shared_preload_libraries=pg_stat_statements",
                "overturn.database.settings[pg_stat_statements.track]=all",
                "overturn.database.settings[pg_stat_statements.max]=10000",
                "overturn.database.settings[pg_stat_statements.track_planning]=on");
    }

    void reset(JdbcTemplate jdbc) {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("select pg_stat_statements_reset()");
    }

    void write(JdbcTemplate jdbc, String title) throws IOException {
        List<String> lines = new ArrayList<>();
        Map<String, Object> total = jdbc.queryForMap("""
                select sum(calls) as calls, round(sum(total_exec_time)::numeric) as ms,
                       round(sum(total_plan_time)::numeric) as plan_ms
                  from pg_stat_statements where toplevel""");
        lines.add(String.format(Locale.ROOT, "%s: %s statements, %s ms executing, %s ms planning", title,
                total.get("calls"), total.get("ms"), total.get("plan_ms")));
        lines.add("ms\tplan ms\tcalls\tplans\trows\tnested\tstatement");
        jdbc.query("""
                select round(total_exec_time::numeric) as ms, round(total_plan_time::numeric) as plan_ms, calls, plans, rows, not toplevel as nested,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 240) as query
                  from pg_stat_statements order by total_exec_time + total_plan_time desc limit 40""",
                row -> {
                    lines.add(row.getLong("ms") + "\t" + row.getLong("plan_ms") + "\t" + row.getLong("calls") + "\t"
                            + row.getLong("plans") + "\t" + row.getLong("rows") + "\t"
                            + row.getBoolean("nested") + "\t" + row.getString("query"));
                });
        lines.add("");
        lines.add("most called, at the top level (each a round trip at least):");
        jdbc.query("""
                select calls, round(total_exec_time::numeric) as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
                  from pg_stat_statements where toplevel order by calls desc limit 25""",
                row -> {
                    lines.add(row.getLong("calls") + "\t" + row.getLong("ms") + "\t" + row.getString("query"));
                });
        // what one job or one denial costs in round trips: every statement run often enough to count, whole
        lines.add("");
        lines.add("every statement called at least " + EVERY_FROM + " times, at the top level or nested:");
        lines.add("calls\tms\tplan ms\tplans\tnested\tstatement");
        jdbc.query("""
                select calls, round(total_exec_time::numeric) as ms, round(total_plan_time::numeric) as plan_ms,
                       plans, not toplevel as nested, regexp_replace(query, '\\s+', ' ', 'g') as query
                  from pg_stat_statements where calls >= ? order by calls desc, query""",
                row -> {
                    lines.add(row.getLong("calls") + "\t" + row.getLong("ms") + "\t" + row.getLong("plan_ms") + "\t"
                            + row.getLong("plans") + "\t" + row.getBoolean("nested") + "\t"
                            + row.getString("query"));
                }, EVERY_FROM);
        Files.write(report, lines);
    }
}

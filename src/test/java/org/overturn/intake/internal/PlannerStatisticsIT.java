package org.overturn.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** After a file that outgrew the planner's statistics, every table its denials grow is analyzed. */
@OverturnIntegrationTest
class PlannerStatisticsIT {

    @Autowired
    PlannerStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFileThatOutgrowsThePlannersBeliefHasEveryTableItGrowsAnalyzed() throws InterruptedException {
        Map<String, Long> before = manualAnalyses();
        double believed = jdbc.queryForObject("select reltuples::float8 from pg_class where oid = 'denial'::regclass",
                Double.class);
        long denials = Math.max(PlannerStatistics.MIN_DENIALS,
                (long) Math.ceil(believed / PlannerStatistics.OUTGROWN_RATIO));

        statistics.afterFile(denials);

        Map<String, Long> after = manualAnalyses();
        for (int i = 0; i < 600 && !allAdvanced(before, after); i++) {
            Thread.sleep(100);
            after = manualAnalyses();
        }
        for (String table : PlannerStatistics.TABLES) {
            assertThat(after.get(table)).as(table).isGreaterThan(before.get(table));
        }
    }

    private static boolean allAdvanced(Map<String, Long> before, Map<String, Long> after) {
        return PlannerStatistics.TABLES.stream().allMatch(t -> after.get(t) > before.get(t));
    }

    /** ANALYZE commands run on each table (autovacuum's own are counted apart). */
    private Map<String, Long> manualAnalyses() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select relname, analyze_count from pg_stat_user_tables where relname = any(?)",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                }, (Object) PlannerStatistics.TABLES.toArray(String[]::new));
        return counts;
    }
}

package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.LifecycleProcessTest;
import org.overturn.workflow.internal.UnusedColumnIndexes.EngineIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's indexes on columns Overturn leaves empty hold only the rows that fill them, and still serve lookups. */
@LifecycleProcessTest
class UnusedColumnIndexesIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachIndexOnAnEmptyColumnIsPartialUnderItsOwnName() {
        for (EngineIndex index : UnusedColumnIndexes.PARTIAL) {
            assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = ? and indexname = ?",
                    String.class, index.table(), index.name()))
                    .as(index.name()).singleElement().asString()
                    .containsIgnoringCase("(" + index.column() + ")")
                    .containsIgnoringCase("where (" + index.column() + " is not null)");
        }
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname like '%\\_partial'",
                Integer.class)).isZero();
    }

    @Test
    void everyLookupOfAValueStillReadsTheIndex() {
        for (EngineIndex index : UnusedColumnIndexes.PARTIAL) {
            // what the engine and the foreign keys ask: one value, or a list of them
            for (String condition : List.of(" = 'x'", " in ('x', 'y')")) {
                List<String> plan = transactions.execute(status -> {
                    status.setRollbackOnly();
                    // the tables are nearly empty here; the question is whether the index can answer at all
                    jdbc.execute("set local enable_seqscan = off");
                    return jdbc.queryForList("explain select * from " + index.table() + " where " + index.column()
                            + condition, String.class);
                });
                // this index, or another that leads with the same column (the task's variables by name)
                assertThat(String.join("\n", plan)).as(index.name() + condition).contains("Index")
                        .doesNotContain("Seq Scan");
            }
            // as the engine asks, a prepared statement whose plan is made before the value is known
            List<String> generic = transactions.execute(status -> {
                status.setRollbackOnly();
                jdbc.execute("set local enable_seqscan = off");
                jdbc.execute("set local plan_cache_mode = force_generic_plan");
                jdbc.execute("prepare lookup(text) as select * from " + index.table() + " where " + index.column()
                        + " = $1");
                try {
                    return jdbc.queryForList("explain execute lookup('x')", String.class);
                } finally {
                    jdbc.execute("deallocate lookup");
                }
            });
            assertThat(String.join("\n", generic)).as(index.name() + " = $1").contains("Index")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void aWholeIndexIsMadePartialOnceAndThenLeftAlone() throws Exception {
        EngineIndex variableTask = UnusedColumnIndexes.PARTIAL.stream()
                .filter(index -> index.name().equals("act_idx_variable_task_id")).findFirst().orElseThrow();
        // as the engine's own schema script creates it
        jdbc.execute("drop index " + variableTask.name());
        jdbc.execute("create index " + variableTask.name() + " on act_ru_variable (task_id_)");

        assertThat(UnusedColumnIndexes.makePartial(dataSource)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
                variableTask.name())).containsIgnoringCase("where (task_id_ is not null)");
        assertThat(UnusedColumnIndexes.makePartial(dataSource)).isZero();
    }

    @Test
    void anIndexLeftMissingOrHalfBuiltByAStoppedNodeIsPutRight() throws Exception {
        // stopped after dropping the engine's index, before renaming the partial one, which it had not finished
        jdbc.execute("drop index act_idx_exe_super");
        jdbc.execute("create index act_idx_exe_super_partial on act_ru_execution (super_exec_)");

        assertThat(UnusedColumnIndexes.makePartial(dataSource)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'act_idx_exe_super'",
                String.class)).containsIgnoringCase("where (super_exec_ is not null)");
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'act_idx_exe_super_partial'",
                Integer.class)).isZero();
    }
}

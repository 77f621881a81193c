package org.overturn.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's indexes on columns Overturn leaves empty to the rows that fill them. The engine indexes each
 * foreign key and tenant column of its tables, and PostgreSQL puts every row into every index, nulls included:
 * a process variable went into eleven indexes, six of them on columns that are null in every row Overturn writes
 * (tenant, CMMN case, batch, task, byte array), about a third of the index entries a denial's start wrote
 * (BENCHMARKS.md, issue 20). Each such index here becomes partial ({@code where column is not null}) under the same
 * name. That answers every lookup the engine and the foreign keys make on those columns ({@code column = ?} or
 * {@code in (...)} imply not null, and PostgreSQL uses a partial index for them), and holds no entry for the rows
 * that never fill the column. Columns that a biller's work or Cockpit's filters ask for as null (a task's assignee)
 * keep their full index.
 * <p>
 * Done once per database, after the engine has created or updated its tables and before the job executor starts;
 * concurrently (a second index under a temporary name, then the old one dropped), so that other nodes keep writing
 * meanwhile. Undone by creating an index of the same name and column without the condition (README, Running in
 * production).
 */
@Component
class UnusedColumnIndexes extends AbstractProcessEnginePlugin {

    /** The engine's index, its table and its one column. */
    record EngineIndex(String name, String table, String column) {
    }

    static final List<EngineIndex> PARTIAL = List.of(
            // process variables: no tenants, no CMMN, task-local and batch variables and serialized values are rare
            new EngineIndex("act_idx_variable_tenant_id", "act_ru_variable", "tenant_id_"),
            new EngineIndex("act_idx_var_case_exe", "act_ru_variable", "case_execution_id_"),
            new EngineIndex("act_idx_var_case_inst_id", "act_ru_variable", "case_inst_id_"),
            new EngineIndex("act_idx_batch_id", "act_ru_variable", "batch_id_"),
            new EngineIndex("act_idx_var_bytearray", "act_ru_variable", "bytearray_id_"),
            new EngineIndex("act_idx_variable_task_id", "act_ru_variable", "task_id_"),
            new EngineIndex("act_idx_exec_tenant_id", "act_ru_execution", "tenant_id_"),
            // no call activities: no super execution
            new EngineIndex("act_idx_exe_super", "act_ru_execution", "super_exec_"),
            new EngineIndex("act_idx_job_tenant_id", "act_ru_job", "tenant_id_"),
            // only a failed job has a stack trace
            new EngineIndex("act_idx_job_exception", "act_ru_job", "exception_stack_id_"),
            new EngineIndex("act_idx_task_tenant_id", "act_ru_task", "tenant_id_"),
            new EngineIndex("act_idx_task_case_def_id", "act_ru_task", "case_def_id_"),
            new EngineIndex("act_idx_task_case_exec", "act_ru_task", "case_execution_id_"),
            new EngineIndex("act_idx_event_subscr_tenant_id", "act_ru_event_subscr", "tenant_id_"),
            new EngineIndex("act_idx_hi_act_inst_tenant_id", "act_hi_actinst", "tenant_id_"),
            new EngineIndex("act_idx_hi_pro_inst_tenant_id", "act_hi_procinst", "tenant_id_"),
            new EngineIndex("act_idx_hi_pro_rst_pro_inst_id", "act_hi_procinst", "restarted_proc_inst_id_"),
            new EngineIndex("act_idx_hi_task_inst_tenant_id", "act_hi_taskinst", "tenant_id_"));

    /** Held by the node that changes the indexes: "OVRTIDX" in hex (the intake locks 64-bit hashes of its keys). */
    private static final long ADVISORY_LOCK = 0x4F56525449_4458L;

    private static final Logger log = LoggerFactory.getLogger(UnusedColumnIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!configuration.getDatabaseTablePrefix().isEmpty()) {
            // an engine in its own schema: its indexes are not the ones named here
            return;
        }
        try {
            long started = System.nanoTime();
            int changed = makePartial(configuration.getDataSource());
            if (changed > 0) {
                // once per database; on a large one it takes as long as building those indexes
                log.info("Made {} of the engine's indexes on columns Overturn leaves empty partial (where not null) "
                        + "in {} ms", changed, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            // a database user without the right to create indexes: the engine works as before, its inserts slower
            log.warn("Could not make the engine's indexes on empty columns partial ({}); see README, Performance",
                    e.getMessage());
        }
    }

    /**
     * Makes each index of {@link #PARTIAL} partial that is not yet, and creates one that a node stopped halfway left
     * missing; the number changed. Nodes starting together take turns (an advisory lock), so that none drops the
     * index another is building.
     */
    static int makePartial(DataSource dataSource) throws SQLException {
        return EngineIndexChange.underLock(dataSource, ADVISORY_LOCK, connection -> needsWork(conditions(connection)),
                connection -> {
                    // as the node before this one in the lock may have left them
                    Map<String, Boolean> partial = conditions(connection);
                    int changed = 0;
                    for (EngineIndex index : PARTIAL) {
                        if (makePartial(connection, index, partial)) {
                            changed++;
                        }
                    }
                    return changed;
                });
    }

    /** Whether the index had to be changed (or created). */
    private static boolean makePartial(Connection connection, EngineIndex index, Map<String, Boolean> partial)
            throws SQLException {
        String building = building(index);
        String definition = " on " + index.table() + " (" + index.column() + ") where " + index.column()
                + " is not null";
        try (Statement statement = connection.createStatement()) {
            if (partial.containsKey(building)) {
                // left by a node stopped during an earlier attempt, possibly invalid
                statement.execute("drop index concurrently " + building);
            }
            Boolean done = partial.get(index.name());
            if (done == null) {
                // dropped by a node stopped before it could rename the partial one
                statement.execute("create index concurrently " + index.name() + definition);
                return true;
            }
            if (done) {
                return false;
            }
            statement.execute("create index concurrently " + building + definition);
            statement.execute("drop index concurrently " + index.name());
            statement.execute("alter index " + building + " rename to " + index.name());
            return true;
        }
    }

    private static boolean needsWork(Map<String, Boolean> partial) {
        return PARTIAL.stream().anyMatch(index -> !Boolean.TRUE.equals(partial.get(index.name()))
                || partial.containsKey(building(index)));
    }

    private static String building(EngineIndex index) {
        return index.name() + "_partial";
    }

    /** The indexes of {@link #PARTIAL} and their half-built copies that exist: name, and whether it has a condition. */
    private static Map<String, Boolean> conditions(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        for (EngineIndex index : PARTIAL) {
            names.add(index.name());
            names.add(building(index));
        }
        Map<String, Boolean> partial = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.relname, i.indpred is not null from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = any(?) and c.relnamespace = to_regnamespace(current_schema())
                """)) {
            query.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    partial.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return partial;
    }
}

package org.overturn.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /** Makes each index of {@link #PARTIAL} that is not partial yet so; the number changed. */
    static int makePartial(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // concurrent index builds cannot run in a transaction
            connection.setAutoCommit(true);
            try {
                int changed = 0;
                for (EngineIndex index : whole(connection)) {
                    String building = index.name() + "_partial";
                    try (Statement statement = connection.createStatement()) {
                        // left by a node stopped during an earlier attempt, possibly invalid
                        statement.execute("drop index concurrently if exists " + building);
                        statement.execute("create index concurrently " + building + " on " + index.table() + " ("
                                + index.column() + ") where " + index.column() + " is not null");
                        statement.execute("drop index concurrently if exists " + index.name());
                        statement.execute("alter index " + building + " rename to " + index.name());
                    }
                    changed++;
                }
                return changed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The indexes of {@link #PARTIAL} that exist without a condition. */
    private static List<EngineIndex> whole(Connection connection) throws SQLException {
        List<EngineIndex> whole = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select i.indpred is null from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = ? and c.relnamespace = to_regnamespace(current_schema())
                """)) {
            for (EngineIndex index : PARTIAL) {
                query.setString(1, index.name());
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        whole.add(index);
                    }
                }
            }
        }
        return whole;
    }
}

package org.overturn.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes for two look-ups the engine makes by a column its schema leaves unindexed, so that each read the whole
 * table, once per call, and grew with the open work (issue 20, measured on the sixth 50,000-claim file of the ingest
 * benchmark, 40,000 open tasks):
 * <ul>
 * <li>a task's subtasks ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), asked whenever a task is
 * completed or deleted: 14.6 ms a call. Overturn makes no subtasks, so the index is partial and holds no entry;</li>
 * <li>a process instance's event subscriptions ({@code ACT_RU_EVENT_SUBSCR.PROC_INST_ID_}), asked when a later 835
 * is correlated with a waiting lifecycle: 6.9 ms a call, one subscription per open denial.</li>
 * </ul>
 * Created once per database, after the engine has created or updated its tables, concurrently (other nodes keep
 * writing meanwhile) and in turns (an advisory lock) when several nodes start together. One a node stopped halfway
 * left invalid is built again.
 */
@Component
class EngineLookupIndexes extends AbstractProcessEnginePlugin {

    /** An index of Overturn's on an engine table: its name and what follows {@code on}. */
    record LookupIndex(String name, String definition) {
    }

    static final List<LookupIndex> INDEXES = List.of(
            new LookupIndex("ix_overturn_task_parent",
                    "act_ru_task (parent_task_id_) where parent_task_id_ is not null"),
            new LookupIndex("ix_overturn_event_subscr_process", "act_ru_event_subscr (proc_inst_id_)"));

    /** "OVRTLKP" in hex; {@link UnusedColumnIndexes} holds another. */
    private static final long ADVISORY_LOCK = 0x4F5652544C4B50L;

    private static final Logger log = LoggerFactory.getLogger(EngineLookupIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!configuration.getDatabaseTablePrefix().isEmpty()) {
            // an engine in its own schema: the tables named here are not its
            return;
        }
        try {
            int created = create(configuration.getDataSource());
            if (created > 0) {
                log.info("Created {} index(es) for the engine's look-ups of subtasks and event subscriptions",
                        created);
            }
        } catch (SQLException e) {
            // a database user without the right to create indexes: the engine works as before, those reads slower
            log.warn("Could not create the engine's look-up indexes ({}); see README, Performance", e.getMessage());
        }
    }

    /** Creates every index of {@link #INDEXES} that is missing or invalid; the number created. */
    static int create(DataSource dataSource) throws SQLException {
        return EngineIndexChange.underLock(dataSource, ADVISORY_LOCK,
                connection -> !INDEXES.stream().allMatch(index -> Boolean.TRUE.equals(valid(connection, index))),
                connection -> {
                    int created = 0;
                    try (Statement statement = connection.createStatement()) {
                        for (LookupIndex index : INDEXES) {
                            // read again under the lock: the node before this one may have built it
                            Boolean valid = valid(connection, index);
                            if (Boolean.TRUE.equals(valid)) {
                                continue;
                            }
                            if (valid != null) {
                                statement.execute("drop index concurrently " + index.name());
                            }
                            statement.execute("create index concurrently " + index.name() + " on "
                                    + index.definition());
                            created++;
                        }
                    }
                    return created;
                });
    }

    /** Null when the index is missing, false when a build stopped halfway left it invalid. */
    private static Boolean valid(Connection connection, LookupIndex index) {
        try (PreparedStatement query = connection.prepareStatement("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = ? and c.relnamespace = current_schema()::regnamespace
                """)) {
            query.setString(1, index.name());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the index " + index.name(), e);
        }
    }
}

package org.overturn.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The frame of Overturn's changes to the engine's indexes at start ({@link UnusedColumnIndexes},
 * {@link EngineLookupIndexes}): nothing to do costs one look and no lock; otherwise the change runs outside a
 * transaction (concurrent index builds cannot run in one) and under an advisory lock, so that nodes starting
 * together take turns and none drops or builds an index another is building. The change looks again under the lock,
 * as the node before it may have done the work.
 */
final class EngineIndexChange {

    interface Check {
        boolean needed(Connection connection) throws SQLException;
    }

    interface Work {
        /** The number of indexes changed. */
        int apply(Connection connection) throws SQLException;
    }

    private EngineIndexChange() {
    }

    static int underLock(DataSource dataSource, long advisoryLock, Check check, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!check.needed(connection)) {
                // every start after the first
                return 0;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + advisoryLock + ")");
                try {
                    return work.apply(connection);
                } finally {
                    lock.execute("select pg_advisory_unlock(" + advisoryLock + ")");
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}

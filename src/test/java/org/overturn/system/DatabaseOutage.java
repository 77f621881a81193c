package org.overturn.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Takes the application's database away and gives it back, from outside the application: a connection to
 * another database of the same embedded server ({@code template1}) kills every backend of the application's
 * database ({@code pg_terminate_backend}, as a server restart or fail-over does) and, for a hard outage, refuses
 * new connections to it ({@code ALLOW_CONNECTIONS false}) until {@link #end()}.
 */
final class DatabaseOutage implements AutoCloseable {

    private static final String DATABASE = "postgres";

    private final DataSource admin;
    private boolean refusing;

    DatabaseOutage(EmbeddedPostgres postgres) {
        this.admin = postgres.getDatabase("postgres", "template1");
    }

    /** Kills every connection the application holds; new ones are still accepted. */
    int killConnections() {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             var killed = s.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where datname = '" + DATABASE + "' and pid <> pg_backend_pid()")) {
            killed.next();
            return killed.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses new connections and kills the open ones: the database is gone until {@link #end()}. */
    void begin() {
        execute("alter database " + DATABASE + " allow_connections false");
        refusing = true;
        killConnections();
    }

    void end() {
        execute("alter database " + DATABASE + " allow_connections true");
        refusing = false;
    }

    @Override
    public void close() {
        if (refusing) {
            end();
        }
    }

    private void execute(String sql) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

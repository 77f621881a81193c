package org.overturn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's database takes server settings from {@code overturn.database.settings}. */
class EmbeddedPostgresSettingsIT {

    @Test
    void theServerStartsWithTheSettingsGiven(@TempDir Path dataDir) throws Exception {
        var properties = new OverturnProperties(dataDir, new OverturnProperties.Database(false, 0,
                Map.of("work_mem", "7MB", "shared_preload_libraries", "pg_stat_statements",
                        "pg_stat_statements.track", "all")));

        try (var postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties);
             var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            assertThat(setting(statement.executeQuery("show work_mem"))).isEqualTo("7MB");
            assertThat(setting(statement.executeQuery("show pg_stat_statements.track"))).isEqualTo("all");
        }
    }

    @Test
    void withoutSettingsTheServerKeepsItsDefaults(@TempDir Path dataDir) throws Exception {
        var properties = new OverturnProperties(dataDir, new OverturnProperties.Database(false, 0, null));

        try (var postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties);
             var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            assertThat(setting(statement.executeQuery("show work_mem"))).isEqualTo("4MB");
        }
    }

    private static String setting(ResultSet result) throws Exception {
        result.next();
        return result.getString(1);
    }
}

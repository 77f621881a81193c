package org.overturn.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the local run keeps its embedded database, inbox and mail outbox
 * @param database the embedded database of the local run (ignored when {@code spring.datasource.url} is set)
 */
@ConfigurationProperties("overturn")
public record OverturnProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Database database) {

    /**
     * @param persistent keep the embedded database's files in {@code dataDir/db} between runs; tests turn it
     *                   off to get a fresh throw-away database
     * @param port       0 for any free port
     * @param settings   server settings by their postgresql.conf names, e.g. {@code
     *                   overturn.database.settings.shared_preload_libraries=pg_stat_statements}, which the ingest
     *                   benchmark sets to time each statement (a name with a dot goes in brackets:
     *                   {@code overturn.database.settings[pg_stat_statements.track]=all})
     */
    public record Database(@DefaultValue("true") boolean persistent, @DefaultValue("0") int port,
                           Map<String, String> settings) {
    }
}

package org.overturn.system;

import java.nio.file.Path;
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
     */
    public record Database(@DefaultValue("true") boolean persistent, @DefaultValue("0") int port) {
    }
}

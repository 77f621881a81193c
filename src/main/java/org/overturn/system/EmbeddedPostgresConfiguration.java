package org.overturn.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local run's database: a real PostgreSQL started from a Maven artifact, its files kept under
 * {@code overturn.data-dir}/db so data survives a restart. Production sets {@code spring.datasource.url} and
 * this configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(OverturnProperties properties) throws IOException {
        // Spring stops it after everything that uses it; its own shutdown hook would race the context's
        var builder = EmbeddedPostgres.builder().setPort(properties.database().port()).setRegisterShutdownHook(false);
        if (properties.database().settings() != null) {
            properties.database().settings().forEach(builder::setServerConfig);
        }
        if (properties.database().persistent()) {
            var dir = properties.dataDir().resolve("db").toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with its data in {}", dir);
        }
        return builder.start();
    }

    /** Pool settings still come from {@code spring.datasource.hikari.*}, as with an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("overturn-embedded");
        return dataSource;
    }
}

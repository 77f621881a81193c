package org.overturn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreToldApartFromOtherFaults() {
        assertThat(DatabaseUnavailable.lostConnection(new ProcessEngineException("persistence",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseUnavailable.lostConnection(new JpaSystemException(
                new RuntimeException(new SQLException("I/O error", "08006"))))).isTrue();
        assertThat(DatabaseUnavailable.lostConnection(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();

        assertThat(DatabaseUnavailable.lostConnection(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();

        assertThat(DatabaseUnavailable.lostConnection(new ProcessEngineException("no such task"))).isFalse();
        assertThat(DatabaseUnavailable.lostConnection(new RuntimeException(
                new SQLException("duplicate key", "23505")))).isFalse();
    }
}

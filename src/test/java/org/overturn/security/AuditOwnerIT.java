package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log is append-only against a database role like production's application role (not a superuser, owner
 * of the product's other tables): it adds and reads events, and every way of changing, removing or unguarding them
 * fails.
 */
@OverturnIntegrationTest
class AuditOwnerIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationsRoleCannotChangeRemoveOrUnguardTheAuditLog() throws SQLException {
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_event'", String.class))
                .isEqualTo("overturn_audit_owner");
        jdbc.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'audit_probe_app') then "
                + "create role audit_probe_app login password 'probe'; end if; end $$");
        jdbc.execute("grant select, insert on audit_event to audit_probe_app");
        jdbc.execute("grant usage, select on sequence audit_event_id_seq to audit_probe_app");
        String url;
        try (Connection admin = dataSource.getConnection()) {
            // without the superuser the embedded database's URL names in its parameters
            url = admin.getMetaData().getURL().split("\\?")[0];
        }

        try (Connection app = DriverManager.getConnection(url, "audit_probe_app", "probe");
             Statement sql = app.createStatement()) {
            sql.executeUpdate("insert into audit_event (occurred_at, actor, action) values (now(), 'probe', 'VIEW')");
            assertThat(count(sql, "select count(*) from audit_event where actor = 'probe'")).isPositive();

            for (String attack : new String[] {
                    "update audit_event set actor = 'someone else' where actor = 'probe'",
                    "delete from audit_event where actor = 'probe'",
                    "truncate audit_event",
                    "drop trigger audit_event_no_update_or_delete on audit_event",
                    "alter table audit_event disable trigger all",
                    "drop table audit_event",
                    "create or replace function audit_event_is_append_only() returns trigger language plpgsql "
                            + "as $f$ begin return old; end $f$",
                    "set role overturn_audit_owner"}) {
                assertThatThrownBy(() -> sql.execute(attack)).as(attack).isInstanceOf(SQLException.class);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'probe'", Long.class))
                .isPositive();
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

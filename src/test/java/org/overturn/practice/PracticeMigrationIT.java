package org.overturn.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V34 makes the one practice an installed database served: named and identified by the payee most of its
 * remittances named, owner of every remittance, claim and denial, and worked by every user already there. Checked on
 * a schema of its own, migrated to V33, given known rows, then migrated on.
 */
@OverturnIntegrationTest
class PracticeMigrationIT {

    static final String SCHEMA = "v34_practice_check";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void dropSchema() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void existingDataBecomesOnePracticeThatEveryExistingUserWorks() {
        migrateToV33();
        String s = SCHEMA + ".";
        // the engine's users, as an installed database has them next to ours
        jdbc.execute("create table " + s + "act_id_user (id_ varchar(64) primary key)");
        jdbc.update("insert into " + s + "act_id_user (id_) values ('alice'), ('bob')");
        jdbc.update("insert into " + s + "remittance_file (id, file_name, sha256, size_bytes, source, received_at,"
                + " transaction_count, claim_count) values (1, 'a.835', 'x', 1, 'UPLOAD', now(), 3, 3)");
        Object[][] payees = {{1, "RIVERBEND BH", "1234567893"}, {2, "RIVERBEND BH", "1234567893"},
                {3, "RIVERBEND OLD NAME", "1234567893"}};
        for (Object[] p : payees) {
            jdbc.update("insert into " + s + "remittance (id, file_id, control_number, payment_amount, trace_number,"
                    + " balanced, payee_name, payee_id_qualifier, payee_id) values (?, 1, '0001', 0, ?, true, ?, 'XX', ?)",
                    p[0], "T" + p[0], p[1], p[2]);
            jdbc.update("insert into " + s + "claim_payment (id, remittance_id, position, patient_control_number,"
                    + " status, charge, paid, patient_responsibility) values (?, ?, 1, ?, '4', 100, 0, 0)",
                    p[0], p[0], "PCN" + p[0]);
        }
        jdbc.update("insert into " + s + "denial (id, claim_payment_id, kind, root_cause, queue, correctable,"
                + " appealable, amount_at_risk, part2, status, patient_control_number, detected_at)"
                + " values (1, 2, 'FULL', 'CODING', 'coding', true, true, 100, false, 'OPEN', 'PCN2', now())");
        jdbc.update("insert into " + s + "claim_file (id, file_name, sha256, size_bytes, kind, source, received_at)"
                + " values (1, 'a.837', 'y', 1, '837P', 'UPLOAD', now())");
        jdbc.update("insert into " + s + "billed_claim (id, claim_file_id, identity_key, kind, patient_control_number,"
                + " charge, document) values (1, 1, 'k', '837P', 'PCN1', 100, '{}'::jsonb)");

        // an authorization from before practices (V40: the first practice's, no claim naming its member)
        jdbc.update("insert into " + s + "prior_authorization (payer_id, member_id, number, level_of_care, unit_type,"
                + " units_approved, starts_on, ends_on, status, source, created_at, created_by, updated_at, updated_by)"
                + " values ('P1', 'M1', 'A1', 'OUTPATIENT', 'VISITS', 10, '2026-01-01', '2026-06-30', 'APPROVED',"
                + " 'API', now(), 'alice', now(), 'alice')");

        migrateTo("40.1");

        assertThat(jdbc.queryForList("select name || ' ' || group_npi || ' ' || status || ' ' || recognised_from from "
                + s + "practice", String.class)).containsExactly("RIVERBEND BH 1234567893 ACTIVE MIGRATED");
        long practice = jdbc.queryForObject("select id from " + s + "practice", Long.class);
        for (String table : List.of("remittance", "denial", "billed_claim", "prior_authorization")) {
            assertThat(jdbc.queryForList("select distinct practice_id from " + s + table, Long.class))
                    .as(table).containsExactly(practice);
        }
        assertThat(jdbc.queryForList("select user_id || ' ' || coalesce(practice_id::text, 'every') from " + s
                + "practice_assignment order by user_id", String.class)).containsExactly("alice every", "bob every");
        assertThat(jdbc.queryForList("select user_id from " + s + "practice_user_scope where practice_id = ?",
                String.class, practice)).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void anEmptyDatabaseGetsNoPractice() {
        migrateTo("40.1");

        assertThat(jdbc.queryForObject("select count(*) from " + SCHEMA + ".practice", Long.class)).isZero();
    }

    /**
     * The versioned migrations up to V33, each committed on its own. Today's declared views (the repeatable
     * R__declared_views.sql) name V34's columns, so at V33 they cannot be made: that script fails there, is rolled
     * back, and runs after V34 in the next migration, as on an installed database upgraded in one go.
     */
    private void migrateToV33() {
        try {
            migrateTo("33");
        } catch (org.flywaydb.core.api.FlywayException expected) {
            assertThat(expected.getMessage()).contains("R__declared_views.sql");
        }
        assertThat(jdbc.queryForObject("select version from " + SCHEMA + ".flyway_schema_history where success"
                + " and version is not null order by installed_rank desc limit 1", String.class)).isEqualTo("33");
    }

    /** On connections of its own: Flyway sets their search path, which the application's pool must not keep. */
    private void migrateTo(String version) {
        HikariDataSource pool = (HikariDataSource) dataSource;
        Flyway.configure().dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()).schemas(SCHEMA)
                .locations("classpath:db/migration").target(version).load().migrate();
    }
}

package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V37 gives the consents recorded before the elements of 42 CFR 2.31: their payer becomes the named recipient, the
 * patient's name and date of birth come from the claims of their member id when those agree, and what the old record
 * never held is listed as missing. Checked on a schema of its own, migrated to just before V37, given old consents,
 * then migrated to V37.
 */
@OverturnIntegrationTest
class ConsentElementsMigrationIT {

    static final String SCHEMA = "v37_consent_elements_check";

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
    void keepsThePayerAsRecipientFillsThePatientAndListsWhatIsMissing() {
        migrateTo(lastVersionBefore37());
        String s = SCHEMA + ".";
        jdbc.update("insert into " + s + "remittance_file (id, file_name, sha256, size_bytes, source, received_at,"
                + " transaction_count, claim_count) values (1, 'a.835', 'x', 1, 'UPLOAD', now(), 1, 2)");
        // V34 (practices) runs before V37: every remittance and claim as billed belongs to a practice
        long practice = jdbc.queryForObject("insert into " + s + "practice (name, status, recognised_from)"
                + " values ('Riverbend', 'ACTIVE', 'MIGRATION')"
                + " returning id", Long.class);
        jdbc.update("insert into " + s + "remittance (id, file_id, control_number, payment_amount, trace_number,"
                + " balanced, practice_id) values (1, 1, '0001', 0, 'T1', true, ?)", practice);
        jdbc.update("insert into " + s + "claim_payment (id, remittance_id, position, patient_control_number, status,"
                + " charge, paid, patient_responsibility, member_id, patient_last_name, patient_first_name)"
                + " values (1, 1, 1, 'P1', '4', 150, 0, 0, 'M-KNOWN', 'RIVERA', 'MARISOL'),"
                + " (2, 1, 2, 'P2', '4', 150, 0, 0, 'M-KNOWN', 'RIVERA', 'MARISOL')");
        jdbc.update("insert into " + s + "claim_file (id, file_name, sha256, size_bytes, kind, source, received_at)"
                + " values (1, 'a.837', 'y', 1, '837P', 'UPLOAD', now())");
        jdbc.update("insert into " + s + "billed_claim (claim_file_id, identity_key, kind, patient_control_number,"
                + " charge, member_id, patient_birth_date, document, practice_id)"
                + " values (1, 'k1', '837P', 'P1', 150, 'M-KNOWN', date '1984-06-30', '{}'::jsonb, ?)", practice);
        // recorded by member id alone, running until revoked; and by name, with an expiry, for a member never billed
        jdbc.update("insert into " + s + "patient_consent (id, member_id, payer_id, purpose, signed_on, recorded_by,"
                + " recorded_at) values (1, 'M-KNOWN', 'PAYER-A', 'appeal', date '2026-01-10', 'sud-biller', now())");
        jdbc.update("insert into " + s + "patient_consent (id, member_id, patient_last_name, patient_first_name,"
                + " payer_id, purpose, signed_on, expires_on, recorded_by, recorded_at) values (2, 'M-ELSEWHERE',"
                + " 'STONE', 'ALMA', 'PAYER-B', 'appeal', date '2026-01-10', date '2027-01-10', 'sud-biller', now())");

        migrateTo("37");

        Map<String, Object> byMember = consent(1);
        assertThat(byMember).containsEntry("recipient_kind", "PAYER").containsEntry("recipient_id", "PAYER-A")
                .containsEntry("patient_last_name", "RIVERA").containsEntry("patient_first_name", "MARISOL")
                .containsEntry("patient_birth_date", java.sql.Date.valueOf("1984-06-30"))
                .containsEntry("general_designation", false)
                .containsEntry("missing_elements", "who may disclose,information to disclose,expiry,signature");
        Map<String, Object> byName = consent(2);
        assertThat(byName).containsEntry("recipient_id", "PAYER-B").containsEntry("patient_last_name", "STONE")
                .containsEntry("patient_birth_date", null)
                .containsEntry("missing_elements", "who may disclose,information to disclose,signature");
    }

    private Map<String, Object> consent(long id) {
        return jdbc.queryForMap("select * from " + SCHEMA + ".patient_consent where id = ?", id);
    }

    /** On connections of its own: Flyway sets their search path, which the application's pool must not keep. */
    private void migrateTo(String version) {
        try {
            flyway().target(version).load().migrate();
        } catch (org.flywaydb.core.api.FlywayException expected) {
            // the declared views (a repeatable migration, run after the versioned ones) are today's and name
            // columns of later migrations: on a schema stopped at an earlier version they cannot be made, while the
            // versioned migrations under test, each in its own transaction, are applied all the same
            assertThat(expected.getMessage()).contains("R__declared_views.sql");
        }
        assertThat(jdbc.queryForObject("select version from " + SCHEMA + ".flyway_schema_history where success"
                + " and version is not null order by installed_rank desc limit 1", String.class)).isEqualTo(version);
    }

    /** Whichever migration comes last before V37 (others may land between V33 and V37). */
    private String lastVersionBefore37() {
        MigrationVersion v37 = MigrationVersion.fromVersion("37");
        return java.util.Arrays.stream(flyway().load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(v37) < 0).max(MigrationVersion::compareTo).orElseThrow()
                .getVersion();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        return Flyway.configure().dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
                .schemas(SCHEMA).locations("classpath:db/migration");
    }
}

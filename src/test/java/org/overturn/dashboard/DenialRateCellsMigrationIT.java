package org.overturn.dashboard;

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
 * V18 turns the V17 cells (provider × procedure × root cause) into one cell per dimension and key by summing
 * them. Checked on a schema of its own, migrated to V17, given known cells, then migrated to V18.
 */
@OverturnIntegrationTest
class DenialRateCellsMigrationIT {

    static final String SCHEMA = "v18_rate_cells_check";

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
    void sumsTheV17CellsOfEachRemittanceByDimension() {
        migrateTo("17");
        jdbc.update("insert into " + SCHEMA + ".remittance_file (id, file_name, sha256, size_bytes, source, received_at,"
                + " transaction_count, claim_count) values (1, 'a.835', 'x', 1, 'UPLOAD', now(), 2, 11)");
        for (int remittance = 1; remittance <= 2; remittance++) {
            jdbc.update("insert into " + SCHEMA + ".remittance (id, file_id, control_number, payment_amount,"
                    + " trace_number, balanced) values (?, 1, '0001', 0, ?, true)", remittance, "T" + remittance);
        }
        // remittance, provider, procedure, root cause (null: not denied), claims, denied, charged, denied dollars
        cellV17(1, "1111111111", "90837", null, 2, 0, "300.00", null);
        cellV17(1, "1111111111", "90834", "AUTHORIZATION", 1, 1, "150.00", "150.00");
        cellV17(1, "1111111111", "90837", "MISSING_INFORMATION", 1, 1, "300.00", "50.00");
        cellV17(1, Kpis.NO_PROVIDER, "90834", null, 1, 0, "100.00", null);
        cellV17(1, "2222222222", "90834", "AUTHORIZATION", 2, 2, "260.00", "210.00");
        cellV17(2, "2222222222", "90791", "MEDICAL_NECESSITY", 1, 1, "400.00", "400.00");
        cellV17(2, "2222222222", Kpis.NO_PROCEDURE, null, 3, 0, "90.00", null);

        migrateTo("18");

        assertThat(cellsOf(1)).containsExactlyInAnyOrder(
                "all  7 4 1110.00 410.00",
                "provider 1111111111 4 2 750.00 200.00",
                "provider 2222222222 2 2 260.00 210.00",
                "provider " + Kpis.NO_PROVIDER + " 1 0 100.00 0.00",
                "procedure 90837 3 1 600.00 50.00",
                "procedure 90834 4 3 510.00 360.00",
                "cause AUTHORIZATION 3 3 410.00 360.00",
                "cause MISSING_INFORMATION 1 1 300.00 50.00");
        assertThat(cellsOf(2)).containsExactlyInAnyOrder(
                "all  4 1 490.00 400.00",
                "provider 2222222222 4 1 490.00 400.00",
                "procedure 90791 1 1 400.00 400.00",
                "procedure " + Kpis.NO_PROCEDURE + " 3 0 90.00 0.00",
                "cause MEDICAL_NECESSITY 1 1 400.00 400.00");
    }

    /**
     * On connections of its own: Flyway sets their search path, which the application's pool must not keep. Each
     * versioned migration commits on its own; today's declared views (the repeatable R__declared_views.sql) name
     * columns of later versions (practice_id, V34), so at V17 and V18 that script fails and is rolled back, leaving
     * the tables this test reads at the version asked.
     */
    private void migrateTo(String version) {
        HikariDataSource pool = (HikariDataSource) dataSource;
        try {
            Flyway.configure().dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()).schemas(SCHEMA)
                    .locations("classpath:db/migration").target(version).load().migrate();
        } catch (org.flywaydb.core.api.FlywayException views) {
            assertThat(views.getMessage()).contains("R__declared_views.sql");
        }
        assertThat(jdbc.queryForObject("select version from " + SCHEMA + ".flyway_schema_history where success"
                + " and version is not null order by installed_rank desc limit 1", String.class)).isEqualTo(version);
    }

    private void cellV17(long remittance, String provider, String procedure, String rootCause, int claims, int denied,
                         String charged, String deniedDollars) {
        jdbc.update("insert into " + SCHEMA + ".denial_rate_cell (remittance_id, provider, procedure, root_cause, claims,"
                        + " denied, charged, denied_dollars) values (?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric)",
                remittance, provider, procedure, rootCause, claims, denied, charged, deniedDollars);
    }

    private List<String> cellsOf(long remittance) {
        return jdbc.query("select dimension, key, claims, denied, charged, denied_dollars from " + SCHEMA
                        + ".denial_rate_cell where remittance_id = ?",
                (rs, i) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5).toPlainString(), rs.getBigDecimal(6).toPlainString()), remittance);
    }
}

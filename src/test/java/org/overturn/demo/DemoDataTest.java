package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@OverturnIntegrationTest
class DemoDataTest {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fillsAnEmptyDatabaseWithThreeMonthsOfRemittancesAndTheirDenials() throws Exception {
        // other tests share this database: the demo loader is told it is empty
        JdbcTemplate empty = org.mockito.Mockito.spy(jdbc);
        org.mockito.Mockito.doReturn(0L).when(empty).queryForObject("select count(*) from remittance_file", Long.class);
        Clock clock = Clock.fixed(Instant.parse("2031-04-15T10:00:00Z"), ZoneOffset.UTC);

        new DemoData(intake, empty, clock).loadIntoEmptyDatabase();

        assertThat(jdbc.queryForList("select file_name from remittance_file where source = 'DEMO' order by id",
                String.class)).containsExactly("demo-2031-01-01.835", "demo-2031-02-01.835", "demo-2031-03-01.835");
        long claims = jdbc.queryForObject("select count(*) from claim_payment c join remittance r on r.id = c.remittance_id "
                + "join remittance_file f on f.id = r.file_id where f.source = 'DEMO'", Long.class);
        long denials = jdbc.queryForObject("select count(*) from denial d join claim_payment c on c.id = d.claim_payment_id "
                + "join remittance r on r.id = c.remittance_id join remittance_file f on f.id = r.file_id "
                + "where f.source = 'DEMO'", Long.class);
        assertThat(claims).isEqualTo(3L * DemoData.CLAIMS_PER_MONTH);
        assertThat(denials).isBetween(claims / 10, claims / 5);
        // the office's payer directory: appeal addresses, parity facts; the state program left to review
        assertThat(jdbc.queryForMap("select appeal_email, needs_review, city from payer where id = 'KPH01'"))
                .containsEntry("appeal_email", "appeals@kph01.example").containsEntry("needs_review", false);
        assertThat(jdbc.queryForObject("select funding from payer_parity_facts where payer_id = 'KPH01'", String.class))
                .isEqualTo("SELF_FUNDED_ERISA");
        assertThat(jdbc.queryForList("select needs_review from payer where id = 'SMA01'", Boolean.class))
                .allMatch(Boolean.TRUE::equals);
    }

    @Test
    void leavesADatabaseWithRemittancesAlone() throws Exception {
        JdbcTemplate notEmpty = mock(JdbcTemplate.class);
        when(notEmpty.queryForObject(anyString(), eq(Long.class))).thenReturn(3L);
        RemittanceIntake untouched = mock(RemittanceIntake.class);

        new DemoData(untouched, notEmpty, Clock.systemUTC()).loadIntoEmptyDatabase();

        org.mockito.Mockito.verifyNoInteractions(untouched);
    }
}

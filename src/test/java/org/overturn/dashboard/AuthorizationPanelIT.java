package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.authorization.AuthorizationDraft;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationSource;
import org.overturn.denial.WorkQueue;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's authorization panel counts the authorizations ending within the watch's days and this month's
 * authorization denials among the last twelve months, and the page shows it to a manager.
 */
@OverturnIntegrationTest
class AuthorizationPanelIT {

    static final CurrentUser MANAGER = new CurrentUser("manager-max", Set.of(Roles.MANAGER), Set.of(WorkQueue.MANAGERS));

    @Autowired
    AuthorizationPanel panel;
    @Autowired
    AuthorizationRegister register;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    final String payer = "APN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void countsAuthorizationsEndingSoonAndAuthorizationDenialsByMonth() {
        LocalDate today = LocalDate.now();
        var before = panel.figures(MANAGER, null);
        assertThat(before.denialsByMonth()).hasSize(12);
        assertThat(before.denialsByMonth().get(11).month()).isEqualTo(YearMonth.from(today));

        register.create(new AuthorizationDraft(payer, "PANEL PLAN", "M" + payer, null, "A" + payer, "OUTPATIENT",
                List.of("90837"), "VISITS", "12", today.minusDays(30).toString(), today.plusDays(5).toString(), null,
                null, null, "APPROVED"), org.overturn.TestPractices.first(jdbc), AuthorizationSource.API, MANAGER);
        register.create(new AuthorizationDraft(payer, "PANEL PLAN", "M" + payer, null, "B" + payer, "OUTPATIENT",
                List.of("90837"), "VISITS", "12", today.minusDays(30).toString(), today.plusDays(60).toString(), null,
                null, null, "APPROVED"), org.overturn.TestPractices.first(jdbc), AuthorizationSource.API, MANAGER);
        String day = DateTimeFormatter.BASIC_ISO_DATE.format(today);
        intake.ingest(payer + ".835", KnownRemittance.from(payer, "PANEL PLAN", payer, day, "0")
                .claim("CLP*P1*4*150*0**12", "CAS*CO*197*150", "SVC*HC:90837*150*0**1", "DTM*472*" + day)
                .bytes(), "UPLOAD", "test");

        var after = panel.figures(MANAGER, null);

        assertThat(after.expiring()).as("the one ending in 5 days").isEqualTo(before.expiring() + 1);
        assertThat(after.unitsAtRisk()).as("nothing used of either").isEqualTo(before.unitsAtRisk());
        var month = after.denialsByMonth().get(11);
        assertThat(month.denials()).isEqualTo(before.denialsByMonth().get(11).denials() + 1);
        assertThat(month.amountAtRisk()).isEqualByComparingTo(
                before.denialsByMonth().get(11).amountAtRisk().add(new java.math.BigDecimal("150")));
        String page = WebClient.anonymous(port).as("manager").get("/dashboard").body();
        assertThat(page).contains("id=\"h-authorizations\"", "id=\"kpi-auth-expiring\">" + after.expiring() + "<",
                "<td>" + month.month() + "</td><td class=\"num\">" + month.denials() + "</td>");
    }
}

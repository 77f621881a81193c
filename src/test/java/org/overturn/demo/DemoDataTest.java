package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.overturn.dashboard.Dashboard;
import org.overturn.dashboard.DashboardFilter;
import org.overturn.dashboard.Kpis;
import org.overturn.denial.WorkQueue;
import org.overturn.intake.FileIntake;
import org.overturn.letters.LocalMailOutbox;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.overturn.worklist.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local run as it starts on an empty database: the demo profile replays three months of the demo clinic's
 * remittances and the office's work on them while the application starts, before any test method runs. What
 * is asserted is read back from the database, the engine and the dashboard's KPIs.
 */
// the output is captured from before the context (and the replay in it) starts
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoDataTest {

    private static final CurrentUser ADMIN = new CurrentUser("admin", Set.of(Roles.ADMIN, Roles.PART2),
            Set.copyOf(WorkQueue.ALL));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Kpis kpis;
    @Autowired
    WorkItems work;
    @Autowired
    LocalMailOutbox outbox;

    @Test
    void deliversEachPaymentRunOfThreeMonthsAsAFileAndFillsThePayerDirectory() {
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> runs = jdbc.queryForList("""
                select f.file_name, f.received_at, r.payment_date from remittance_file f
                  join remittance r on r.file_id = f.id where f.file_name like 'demo-%' order by f.received_at""");
        // the months' own runs: six a month, each in its own file, received before its payment date
        List<Map<String, Object>> monthly = runs.stream().filter(r -> claimsIn(r) == DemoData.CLAIMS_PER_RUN).toList();
        assertThat(monthly).hasSize(DemoData.MONTHS * DemoData.CLAIMS_PER_MONTH / DemoData.CLAIMS_PER_RUN);
        assertThat(monthly).allSatisfy(run -> {
            LocalDate paid = ((java.sql.Date) run.get("payment_date")).toLocalDate();
            assertThat(paid).isBetween(today.minusDays(DemoData.MONTHS * DemoData.DAYS_PER_MONTH - 1), today);
            assertThat(((java.sql.Timestamp) run.get("received_at")).toInstant())
                    .isBefore(paid.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
        });
        long claims = monthly.stream().mapToLong(this::claimsIn).sum();
        long denials = jdbc.queryForObject("select count(*) from denial where follows_denial_id is null", Long.class);
        assertThat(claims).isEqualTo((long) DemoData.MONTHS * DemoData.CLAIMS_PER_MONTH);
        assertThat(denials).isBetween(claims / 10, claims / 5);
        // the office's payer directory: appeal addresses, parity facts; the state program left to review
        assertThat(jdbc.queryForMap("select appeal_email, needs_review from payer where id = 'KPH01'"))
                .containsEntry("appeal_email", "appeals@kph01.example").containsEntry("needs_review", false);
        assertThat(jdbc.queryForObject("select funding from payer_parity_facts where payer_id = 'KPH01'", String.class))
                .isEqualTo("SELF_FUNDED_ERISA");
        assertThat(jdbc.queryForList("select needs_review from payer where id = 'SMA01'", Boolean.class))
                .isNotEmpty().allMatch(Boolean.TRUE::equals);
    }

    @Test
    void worksTheBacklogAsTheDemoUsersAndLeavesTheNewestMonthMostlyWaiting() {
        List<HistoricTaskInstance> done = engine.getHistoryService().createHistoricTaskInstanceQuery().finished()
                .taskDeleteReason("completed").list();
        Map<String, Long> byUser = done.stream().collect(Collectors.groupingBy(HistoricTaskInstance::getAssignee,
                Collectors.counting()));
        // admin: a Part 2 denial's managers' and parity tasks need Part 2 access, which manager and parity lack
        assertThat(byUser).containsOnlyKeys("biller", "sud-biller", "manager", "parity", "admin")
                .allSatisfy((user, count) -> assertThat(count).as("tasks completed by %s", user).isPositive());
        // every task was done during office hours on a working day, after it was created, before now
        Instant now = Instant.now();
        assertThat(done).allSatisfy(task -> {
            assertThat(task.getEndTime().toInstant()).isAfter(task.getStartTime().toInstant()).isBefore(now);
            var at = task.getEndTime().toInstant().atZone(java.time.ZoneId.systemDefault());
            assertThat(at.getDayOfWeek().getValue()).as("weekday of %s", task.getName()).isLessThanOrEqualTo(5);
            assertThat(at.getHour()).as("hour of %s", task.getName()).isBetween(8, 17);
        });
        // the audit log names who completed each task, when they did
        assertThat(jdbc.queryForList("select distinct actor from audit_event where action = 'TASK_COMPLETED'",
                String.class)).containsExactlyInAnyOrder("biller", "sud-biller", "manager", "parity", "admin");

        // corrected claims went back to the payer with what changed and why, and some were paid by a later 835
        assertThat(jdbc.queryForList("select what_changed, reason from corrected_claim where submitted_at is not null"))
                .hasSizeGreaterThan(10).allSatisfy(c -> assertThat(c.values()).doesNotContainNull());
        assertThat(jdbc.queryForObject("""
                select count(*) from denial d where d.status = 'RECOVERED'
                   and exists (select 1 from corrected_claim c where c.denial_id = d.id)""", Long.class)).isPositive();

        // appeals went out by email (high-dollar ones approved by the manager) or by post, and were decided
        Map<String, Object> appeals = jdbc.queryForMap("""
                select count(*) as sent, count(*) filter (where outcome = 'OVERTURNED') as overturned,
                       count(*) filter (where outcome = 'UPHELD') as upheld,
                       count(*) filter (where approved_by = 'manager') as approved,
                       count(*) filter (where level = 2) as second_level from appeal""");
        assertThat(appeals).allSatisfy((figure, count) -> assertThat((Long) count).as(figure).isPositive());
        long emailed = jdbc.queryForObject("select count(*) from letter_delivery", Long.class);
        assertThat(emailed).isPositive();
        assertThat(outbox.received()).hasSize((int) emailed);
        assertThat(jdbc.queryForObject("select count(*) from appeal where argument like '%Sent by %'", Long.class))
                .as("appeals sent by post or portal").isPositive();

        // recoveries, write-offs and bills to patients
        assertThat(jdbc.queryForObject("select sum(recovered_amount) from denial where status = 'RECOVERED'",
                BigDecimal.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from denial where status = 'WRITTEN_OFF'", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from denial where status = 'PATIENT_RESPONSIBILITY'",
                Long.class)).isPositive();

        // parity concerns reviewed: some dismissed, some confirmed and asked of the plan
        assertThat(jdbc.queryForObject("select count(*) from parity_case where status = 'DISMISSED'", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from parity_case where request_sent_at is not null",
                Long.class)).isPositive();

        // the queues are still full: open tasks in most queues, most of them the newest month's
        Map<String, Long> open = work.queues(ADMIN).stream().filter(q -> q.open() > 0)
                .collect(Collectors.toMap(WorkItems.QueueSummary::queue, WorkItems.QueueSummary::open));
        assertThat(open).containsKeys(WorkQueue.CODING, WorkQueue.APPEALS, WorkQueue.MANAGERS, WorkQueue.PARITY);
        assertThat(open.size()).isGreaterThanOrEqualTo(5);
        Map<String, Object> newest = jdbc.queryForMap("""
                select count(*) as denials, count(*) filter (where exists (
                         select 1 from denial_process dp where dp.denial_id = d.id and dp.process_instance_id in (
                           select proc_inst_id_ from act_hi_taskinst where delete_reason_ = 'completed'))) as worked
                  from denial d where d.follows_denial_id is null and d.remittance_date >= ?""",
                LocalDate.now().minusDays(DemoData.DAYS_PER_MONTH - 1));
        assertThat((Long) newest.get("worked")).as("worked denials of the newest month")
                .isLessThan((Long) newest.get("denials") / 2);
        assertThat(jdbc.queryForObject("select count(*) from sla_breach", Long.class)).isPositive();

        // the replay is over: the engine runs on the system clock with its job executor, and nothing failed
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
                .isActive()).isTrue();
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void theDashboardShowsOverturnRatesRecoveriesWriteOffsAndPlausibleDays() {
        Dashboard dashboard = kpis.compute(DashboardFilter.ALL);

        assertThat(dashboard.appealsByLevel()).extracting(Dashboard.AppealOutcomes::key).contains("1", "2");
        assertThat(dashboard.appealsByLevel().get(0).overturnRate()).isBetween(0.2, 0.9);
        assertThat(dashboard.appealsByRootCause()).filteredOn(a -> a.overturnRate() != null && a.overturnRate() > 0)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(dashboard.recovered().dollars()).isPositive();
        assertThat(dashboard.writtenOff().denials()).isPositive();
        assertThat(dashboard.writtenOff().dollars()).isPositive();
        // days from detection to the first appeal and to the end: weeks, not minutes and not years
        assertThat(dashboard.toAppeal().denials()).isPositive();
        assertThat(dashboard.toAppeal().medianDays()).isBetween(1.0, 45.0);
        assertThat(dashboard.toResolution().denials()).isPositive();
        assertThat(dashboard.toResolution().medianDays()).isBetween(5.0, 80.0);
        assertThat(dashboard.toResolution().averageDays()).isGreaterThan(dashboard.toAppeal().averageDays());
        assertThat(dashboard.backlog()).filteredOn(b -> b.slaBreaches() > 0).isNotEmpty();
        assertThat(dashboard.open().denials()).isPositive();
    }

    @Test
    void logsOneSummaryAndNoPatientsOrClaimNumbers(CapturedOutput output) {
        // the replay ran while the context started, before this test: its output was captured from the start
        assertThat(output.getAll()).containsOnlyOnce("Demo data: 3 months of claims and remittances replayed in")
                .doesNotContain("tasks refused").doesNotContain("not completed").doesNotContain("Demo: job");
        List<String> phi = jdbc.queryForList("""
                select distinct v from (select patient_last_name as v from claim_payment
                                        union select member_id from claim_payment
                                        union select patient_control_number from claim_payment) p
                 where length(v) >= 5""", String.class);
        assertThat(phi).hasSizeGreaterThan(100);
        assertThat(phi).noneSatisfy(value -> assertThat(output.getAll()).contains(value));
    }

    @Test
    void leavesADatabaseWithRemittancesAlone() {
        JdbcTemplate notEmpty = mock(JdbcTemplate.class);
        when(notEmpty.queryForObject(anyString(), eq(Long.class))).thenReturn(3L);
        FileIntake untouched = mock(FileIntake.class);
        DemoWork idle = mock(DemoWork.class);

        new DemoData(untouched, notEmpty, Clock.systemUTC(), idle, null, null, null).loadIntoEmptyDatabase();

        org.mockito.Mockito.verifyNoInteractions(untouched, idle);
    }

    private long claimsIn(Map<String, Object> run) {
        return jdbc.queryForObject("select count(*) from claim_payment cp join remittance r on r.id = cp.remittance_id "
                + "join remittance_file f on f.id = r.file_id where f.file_name = ?", Long.class, run.get("file_name"));
    }
}

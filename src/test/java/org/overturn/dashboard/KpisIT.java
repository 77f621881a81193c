package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's arithmetic on a data set whose every figure is known: two remittances of a payer of its own,
 * seven claims (one a reversal, one a later payment of a claim already on file), three denials taken to
 * known ends, appeals and an SLA breach recorded at known times.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpisIT {

    static final Instant DETECTED = Instant.parse("2026-03-11T00:00:00Z");

    @Autowired
    RemittanceIntake intake;
    @Autowired
    Kpis kpis;
    @Autowired
    JdbcTemplate jdbc;

    final String payer = "KPI" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Long> denialOf;

    @BeforeAll
    void ingestKnownData() {
        intake.ingest("kpi-a.835", KnownRemittance.from(payer, "KPI HEALTH PLAN", payer + "-A", "20260302", "530")
                // K1 paid in full
                .claim("CLP*K1*1*200*200**12", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90837*200*200**1", "DTM*472*20260220")
                // K2 denied whole: no authorization (CO-197)
                .claim("CLP*K2*4*150*0**12", "CAS*CO*197*150", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90834*150*0**1", "DTM*472*20260221")
                // K3 partly denied: missing information (CO-16) on its line
                .claim("CLP*K3*1*300*250**12", "NM1*82*1*DOE*JANE****XX*1111111111",
                        "SVC*HC:90837*300*250**1", "DTM*472*20260222", "CAS*CO*16*50")
                // K5 paid, the patient owes coinsurance: routine, no denial; no rendering provider sent
                .claim("CLP*K5*1*100*80*20*12", "CAS*PR*2*20", "SVC*HC:90834*100*80**1", "DTM*472*20260223")
                .bytes(), "UPLOAD", "test");
        intake.ingest("kpi-b.835", KnownRemittance.from(payer, "KPI HEALTH PLAN", payer + "-B", "20260310", "-100")
                // K4 denied whole: not medically necessary (CO-50)
                .claim("CLP*K4*4*400*0**12", "CAS*CO*50*400", "NM1*82*1*ROE*RICK****XX*2222222222",
                        "SVC*HC:90791*400*0**1", "DTM*472*20260301")
                // the payment of K1 taken back: a reversal is not a new claim
                .claim("CLP*K1*22*-200*-200**12", "SVC*HC:90837*-200*-200**1")
                // K5 paid again later: not a first adjudication
                .claim("CLP*K5*1*100*100**12", "SVC*HC:90834*100*100**1")
                .bytes(), "UPLOAD", "test");
        denialOf = jdbc.query("select patient_control_number, id from denial where payer_id = ?",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)), payer).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(denialOf).containsOnlyKeys("K2", "K3", "K4");
        KnownRemittance.awaitTasks(jdbc, payer, 3);
        // the lifecycle is not driven here: its ends and appeals are set to known values
        jdbc.update("update denial set detected_at = ? where payer_id = ?", Timestamp.from(DETECTED), payer);
        close("K2", "RECOVERED", "150.00", 10);
        close("K3", "WRITTEN_OFF", null, 30);
        jdbc.update("update denial set status = 'APPEALED' where id = ?", denialOf.get("K4"));
        appeal("K4", 1, 4, "UPHELD");
        appeal("K4", 2, 6, null);
        jdbc.update("insert into sla_breach (denial_id, task_definition_key, queue, breached_at) values (?, ?, ?, ?)",
                denialOf.get("K3"), "Task_CorrectClaim", "coding", Timestamp.from(DETECTED.plus(Duration.ofDays(4))));
    }

    @Test
    void initialDenialRateCountsFirstAdjudicationsByVolumeAndByDollars() {
        Dashboard d = kpis.compute(new DashboardFilter(null, null, payer));
        // K1, K2, K3, K5 and K4: the reversal and the second payment of K5 are not new claims
        assertThat(d.overall().claims()).isEqualTo(5);
        assertThat(d.overall().denied()).isEqualTo(3);
        assertThat(d.overall().charged()).isEqualByComparingTo("1150.00");
        assertThat(d.overall().deniedDollars()).isEqualByComparingTo("600.00");
        assertThat(d.overall().byVolume()).isEqualTo(0.6);
        assertThat(d.overall().byDollars()).isCloseTo(600.0 / 1150.0, within(1e-6));
    }

    @Test
    void ratesByPayerRootCauseProcedureProviderAndWeek() {
        Dashboard d = kpis.compute(new DashboardFilter(null, null, payer));
        assertThat(d.byPayer()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("KPI HEALTH PLAN");
            assertThat(r.claims()).isEqualTo(5);
            assertThat(r.denied()).isEqualTo(3);
        });
        // a root cause's share is of every claim in the filter
        assertThat(d.byRootCause()).extracting(Dashboard.Rate::key, Dashboard.Rate::claims, Dashboard.Rate::denied,
                        r -> r.deniedDollars().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MEDICAL_NECESSITY", 5L, 1L, "400.00"),
                        org.assertj.core.groups.Tuple.tuple("AUTHORIZATION", 5L, 1L, "150.00"),
                        org.assertj.core.groups.Tuple.tuple("MISSING_INFORMATION", 5L, 1L, "50.00"));
        assertThat(d.byRootCause().get(0).byVolume()).isEqualTo(0.2);
        assertThat(d.byRootCause().get(0).byDollars()).isCloseTo(400.0 / 1150.0, within(1e-6));
        assertThat(d.byProcedure()).extracting(Dashboard.Rate::key, Dashboard.Rate::claims, Dashboard.Rate::denied,
                        r -> r.charged().toPlainString(), r -> r.deniedDollars().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("90791", 1L, 1L, "400.00", "400.00"),
                        org.assertj.core.groups.Tuple.tuple("90834", 2L, 1L, "250.00", "150.00"),
                        org.assertj.core.groups.Tuple.tuple("90837", 2L, 1L, "500.00", "50.00"));
        assertThat(d.byProvider()).extracting(Dashboard.Rate::key, Dashboard.Rate::claims, Dashboard.Rate::denied)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2222222222", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("1111111111", 3L, 2L),
                        org.assertj.core.groups.Tuple.tuple(Kpis.NO_PROVIDER, 1L, 0L));
        // weeks start on Monday: 2 March and 9 March 2026
        assertThat(d.byWeek()).extracting(Dashboard.Rate::key, Dashboard.Rate::claims, Dashboard.Rate::denied,
                        r -> r.deniedDollars().toPlainString(), Dashboard.Rate::byVolume)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-03-02", 4L, 2L, "200.00", 0.5),
                        org.assertj.core.groups.Tuple.tuple("2026-03-09", 1L, 1L, "400.00", 1.0));
    }

    @Test
    void dateRangeKeepsOnlyRemittancesPaidInIt() {
        Dashboard second = kpis.compute(new DashboardFilter(LocalDate.of(2026, 3, 9), null, payer));
        assertThat(second.overall().claims()).isEqualTo(1);
        assertThat(second.overall().deniedDollars()).isEqualByComparingTo("400.00");
        assertThat(second.recovered().denials()).isZero();
        Dashboard first = kpis.compute(new DashboardFilter(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), payer));
        assertThat(first.overall().claims()).isEqualTo(4);
        assertThat(first.overall().denied()).isEqualTo(2);
        Dashboard none = kpis.compute(new DashboardFilter(LocalDate.of(2027, 1, 1), null, payer));
        assertThat(none.overall().claims()).isZero();
        assertThat(none.overall().byVolume()).isNull();
        assertThat(none.overall().byDollars()).isNull();
        // the payer's name filters as well as its id
        assertThat(kpis.compute(new DashboardFilter(null, null, "KPI HEALTH PLAN")).overall().claims())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void openDollarsAgingRecoveriesAndWriteOffs() {
        Dashboard d = kpis.compute(new DashboardFilter(null, null, payer));
        assertThat(d.open().denials()).isEqualTo(1);
        assertThat(d.open().atRisk()).isEqualByComparingTo("400.00");
        long age = ChronoUnit.DAYS.between(LocalDate.of(2026, 3, 10), d.asOf());
        String bucket = age <= 30 ? "0-30" : age <= 60 ? "31-60" : age <= 90 ? "61-90" : age <= 120 ? "91-120" : ">120";
        assertThat(d.aging()).extracting(Dashboard.Aging::bucket)
                .containsExactly("0-30", "31-60", "61-90", "91-120", ">120");
        assertThat(d.aging()).allSatisfy(a -> {
            assertThat(a.denials()).isEqualTo(a.bucket().equals(bucket) ? 1 : 0);
            assertThat(a.atRisk()).isEqualByComparingTo(a.bucket().equals(bucket) ? "400.00" : "0.00");
        });
        assertThat(d.recovered().denials()).isEqualTo(1);
        assertThat(d.recovered().dollars()).isEqualByComparingTo("150.00");
        assertThat(d.writtenOff().denials()).isEqualTo(1);
        assertThat(d.writtenOff().dollars()).isEqualByComparingTo("50.00");
    }

    @Test
    void daysToAppealAndToResolution() {
        Dashboard d = kpis.compute(new DashboardFilter(null, null, payer));
        assertThat(d.toAppeal().denials()).isEqualTo(1);
        assertThat(d.toAppeal().averageDays()).isCloseTo(4.0, within(1e-9));
        assertThat(d.toAppeal().medianDays()).isCloseTo(4.0, within(1e-9));
        // recovered after 10 days, written off after 30
        assertThat(d.toResolution().denials()).isEqualTo(2);
        assertThat(d.toResolution().averageDays()).isCloseTo(20.0, within(1e-9));
        assertThat(d.toResolution().medianDays()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void appealOutcomesByLevelAndRootCause() {
        Dashboard d = kpis.compute(new DashboardFilter(null, null, payer));
        assertThat(d.appealsByLevel()).extracting(Dashboard.AppealOutcomes::key, Dashboard.AppealOutcomes::sent,
                        Dashboard.AppealOutcomes::decided, Dashboard.AppealOutcomes::overturned,
                        Dashboard.AppealOutcomes::overturnRate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 1L, 1L, 0L, 0.0),
                        org.assertj.core.groups.Tuple.tuple("2", 1L, 0L, 0L, null));
        assertThat(d.appealsByRootCause()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("MEDICAL_NECESSITY");
            assertThat(a.sent()).isEqualTo(2);
            assertThat(a.decided()).isEqualTo(1);
            assertThat(a.upheld()).isEqualTo(1);
        });
    }

    @Test
    void queueBacklogAndSlaBreaches() {
        Dashboard d = kpis.compute(new DashboardFilter(null, null, payer));
        Map<String, Dashboard.Backlog> byQueue = d.backlog().stream()
                .collect(Collectors.toMap(Dashboard.Backlog::queue, b -> b));
        assertThat(byQueue.get("authorizations").open()).isEqualTo(1);
        assertThat(byQueue.get("authorizations").atRisk()).isEqualByComparingTo("150.00");
        assertThat(byQueue.get("coding").open()).isEqualTo(1);
        assertThat(byQueue.get("coding").slaBreaches()).isEqualTo(1);
        assertThat(byQueue.get("appeals").open()).isEqualTo(1);
        assertThat(byQueue.get("appeals").overdue()).isZero();
        assertThat(d.backlog().stream().mapToLong(Dashboard.Backlog::slaBreaches).sum()).isEqualTo(1);
        assertThat(byQueue.keySet()).containsAll(List.of("parity", "managers", "patient-accounts"));
    }

    private void close(String claim, String status, String recovered, int afterDays) {
        jdbc.update("update denial set status = ?, recovered_amount = ?::numeric, closed_at = ? where id = ?", status,
                recovered, Timestamp.from(DETECTED.plus(Duration.ofDays(afterDays))), denialOf.get(claim));
    }

    private void appeal(String claim, int level, int afterDays, String outcome) {
        jdbc.update("insert into appeal (denial_id, level, argument, prepared_by, sent_at, outcome, decided_at) "
                        + "values (?, ?, 'test', 'biller', ?, ?, ?)", denialOf.get(claim), level,
                Timestamp.from(DETECTED.plus(Duration.ofDays(afterDays))), outcome,
                outcome == null ? null : Timestamp.from(DETECTED.plus(Duration.ofDays(afterDays + 20))));
    }
}

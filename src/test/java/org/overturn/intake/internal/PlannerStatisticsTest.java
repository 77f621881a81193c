package org.overturn.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class PlannerStatisticsTest {

    @Test
    @DisplayName("a file of 500 denials or more refreshes the statistics while it brings a fifth of those on file")
    void refreshesWhileAFileBringsAFifthOfTheDenialsOnFile() {
        assertThat(PlannerStatistics.outgrows(500, -1)).as("never analyzed").isTrue();
        assertThat(PlannerStatistics.outgrows(500, 0)).isTrue();
        assertThat(PlannerStatistics.outgrows(50_000, 50_000)).isTrue();
        assertThat(PlannerStatistics.outgrows(50_000, 250_000)).isTrue();
        assertThat(PlannerStatistics.outgrows(50_000, 250_001)).as("the 6th such file").isFalse();
        assertThat(PlannerStatistics.outgrows(50_000, 1_000_000)).isFalse();
        assertThat(PlannerStatistics.outgrows(499, -1)).as("a small file changes no plan").isFalse();
        assertThat(PlannerStatistics.outgrows(499, 0)).isFalse();
    }

    @Test
    @DisplayName("the refresh waits until the engine has run the steps that are due, then analyzes every table")
    void waitsForTheEnginesDueStepsFirst() {
        JdbcTemplate jdbc = neverAnalyzed();
        AtomicInteger asked = new AtomicInteger();
        var statistics = new PlannerStatistics(jdbc, () -> asked.incrementAndGet() < 3, Duration.ofMinutes(1),
                Duration.ofMillis(10));

        statistics.afterFile(600);

        verify(jdbc, timeout(10_000)).execute("analyze " + String.join(", ", PlannerStatistics.TABLES));
        assertThat(asked).hasValue(3);
        statistics.stop();
    }

    @Test
    @DisplayName("an engine that stays busy holds the refresh back for a while, not for ever")
    void anEngineThatStaysBusyHoldsItBackForAWhile() {
        JdbcTemplate jdbc = neverAnalyzed();
        AtomicInteger asked = new AtomicInteger();
        var statistics = new PlannerStatistics(jdbc, () -> asked.incrementAndGet() > 0, Duration.ofMillis(200),
                Duration.ofMillis(10));

        statistics.afterFile(600);

        verify(jdbc, timeout(10_000)).execute(startsWith("analyze "));
        assertThat(asked.get()).isGreaterThan(1);
        statistics.stop();
    }

    @Test
    @DisplayName("it is busy from the file until its refresh has run, and idle again after")
    void busyUntilTheRefreshHasRun() throws InterruptedException {
        JdbcTemplate jdbc = neverAnalyzed();
        java.util.concurrent.CountDownLatch engineDone = new java.util.concurrent.CountDownLatch(1);
        var statistics = new PlannerStatistics(jdbc, () -> engineDone.getCount() > 0, Duration.ofMinutes(1),
                Duration.ofMillis(10));
        assertThat(statistics.isIdle()).isTrue();

        statistics.afterFile(600);
        assertThat(statistics.isIdle()).as("waiting for the engine").isFalse();
        engineDone.countDown();

        verify(jdbc, timeout(10_000)).execute(startsWith("analyze "));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!statistics.isIdle() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(statistics.isIdle()).isTrue();
        statistics.stop();
    }

    private static JdbcTemplate neverAnalyzed() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.queryForObject(anyString(), eq(Double.class))).thenReturn(-1.0);
        return jdbc;
    }
}

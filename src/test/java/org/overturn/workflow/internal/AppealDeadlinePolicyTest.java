package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.denial.AppealDeadlines;
import org.overturn.workflow.AppealDeadlineProperties;
import org.overturn.workflow.AppealDeadlineWatch.Deadline;

/** When the appeal-deadline process warns, escalates and finds the deadline passed, on the engine's clock. */
class AppealDeadlinePolicyTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private static AppealDeadlinePolicy at(String moment) {
        Clock clock = Clock.fixed(java.time.LocalDateTime.parse(moment).atZone(ZONE).toInstant(), ZONE);
        return new AppealDeadlinePolicy(new AppealDeadlineProperties(Duration.ofDays(14), Duration.ofDays(3)), null,
                mock(AppealDeadlines.class), clock);
    }

    /** A watch as started today: everything in its business key, no variables. */
    private static DelegateExecution watchOf(String dueOn) {
        return FakeExecution.of("7/DEADLINE_2_" + dueOn.replace("-", ""), Map.of());
    }

    @Test
    void theWarningEscalationAndPassingComeAtTheStartOfTheirDays() {
        AppealDeadlinePolicy policy = at("2026-03-01T12:00");
        DelegateExecution watch = watchOf("2026-06-30");

        assertThat(policy.warningAt(watch)).isEqualTo(startOf("2026-06-16"));
        assertThat(policy.escalationAt(watch)).isEqualTo(startOf("2026-06-27"));
        assertThat(policy.passedAt(watch)).isEqualTo(startOf("2026-07-01"));
    }

    @Test
    void answersTheModelBefore20261206ThatPassesTheDueDateAsText() {
        AppealDeadlinePolicy policy = at("2026-03-01T12:00");

        assertThat(policy.warningAt("2026-06-30")).isEqualTo(policy.warningAt(watchOf("2026-06-30")));
        assertThat(policy.escalationAt("2026-06-30")).isEqualTo(startOf("2026-06-27"));
        assertThat(policy.passedAt("2026-06-30")).isEqualTo(startOf("2026-07-01"));
        assertThat(at("2026-07-01T00:00").hasPassed("2026-06-30")).isTrue();
    }

    @Test
    void theDeadlineHasPassedOnlyFromTheStartOfTheDayAfterTheLastDayToFile() {
        DelegateExecution watch = watchOf("2026-06-30");
        assertThat(at("2026-06-30T23:59:59").hasPassed(watch)).as("the last day to file").isFalse();
        assertThat(at("2026-07-01T00:00").hasPassed(watch)).isTrue();
        assertThat(at("2026-12-06T09:00").hasPassed(watch)).isTrue();
        assertThat(at("2026-01-01T00:00").hasPassed(watch)).isFalse();
        assertThat(at("2026-06-30T23:59:59").isOver(LocalDate.parse("2026-06-30"))).isFalse();
        assertThat(at("2026-07-01T00:00").isOver(LocalDate.parse("2026-06-30"))).isTrue();
    }

    @Test
    void aWatchIsAskedAboutItsOwnDenialLevelAndDueDate() {
        AppealDeadlines deadlines = mock(AppealDeadlines.class);
        when(deadlines.awaitsFiling(7L, 2, LocalDate.parse("2026-06-30"))).thenReturn(true);
        AppealDeadlinePolicy policy = new AppealDeadlinePolicy(
                new AppealDeadlineProperties(Duration.ofDays(14), Duration.ofDays(3)), null, deadlines,
                Clock.systemDefaultZone());

        assertThat(policy.awaitsFiling(watchOf("2026-06-30"))).isTrue();
        assertThat(policy.awaitsFiling(watchOf("2026-07-30"))).as("another due date of the same level").isFalse();
    }

    @Test
    void aWatchStartedBeforeItsKeyHeldTheDeadlineIsReadFromItsVariables() {
        // business key the bare denial id (before 2026-12-05), or the new key with the variables (until 2026-12-06)
        DelegateExecution old = FakeExecution.of("7", Map.of("denialId", 7L, "appealLevel", 2, "dueOn", "2026-06-30"));

        assertThat(Deadline.of(old)).isEqualTo(new Deadline(7L, 2, LocalDate.parse("2026-06-30")));
        assertThat(Deadline.of(watchOf("2026-06-30"))).isEqualTo(new Deadline(7L, 2, LocalDate.parse("2026-06-30")));
        assertThat(Deadline.ofBusinessKey(new Deadline(12345L, 3, LocalDate.parse("2027-01-09")).businessKey()))
                .isEqualTo(new Deadline(12345L, 3, LocalDate.parse("2027-01-09")));
        assertThatThrownBy(() -> Deadline.of(FakeExecution.of("7", Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("business key 7");
    }

    private static Date startOf(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(ZONE).toInstant());
    }
}

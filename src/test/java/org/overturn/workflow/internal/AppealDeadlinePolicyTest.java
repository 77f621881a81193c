package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.overturn.denial.AppealDeadlines;
import org.overturn.workflow.AppealDeadlineProperties;

/** When the appeal-deadline process warns, escalates and finds the deadline passed, on the engine's clock. */
class AppealDeadlinePolicyTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private static AppealDeadlinePolicy at(String moment) {
        Clock clock = Clock.fixed(java.time.LocalDateTime.parse(moment).atZone(ZONE).toInstant(), ZONE);
        return new AppealDeadlinePolicy(new AppealDeadlineProperties(Duration.ofDays(14), Duration.ofDays(3)), null,
                mock(AppealDeadlines.class), clock);
    }

    @Test
    void theWarningEscalationAndPassingComeAtTheStartOfTheirDays() {
        AppealDeadlinePolicy policy = at("2026-03-01T12:00");

        assertThat(policy.warningAt("2026-06-30")).isEqualTo(startOf("2026-06-16"));
        assertThat(policy.escalationAt("2026-06-30")).isEqualTo(startOf("2026-06-27"));
        assertThat(policy.passedAt("2026-06-30")).isEqualTo(startOf("2026-07-01"));
    }

    @Test
    void theDeadlineHasPassedOnlyFromTheStartOfTheDayAfterTheLastDayToFile() {
        assertThat(at("2026-06-30T23:59:59").hasPassed("2026-06-30")).as("the last day to file").isFalse();
        assertThat(at("2026-07-01T00:00").hasPassed("2026-06-30")).isTrue();
        assertThat(at("2026-12-06T09:00").hasPassed("2026-06-30")).isTrue();
        assertThat(at("2026-01-01T00:00").hasPassed("2026-06-30")).isFalse();
    }

    private static Date startOf(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(ZONE).toInstant());
    }
}

package org.overturn.workflow.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.denial.DenialViews;
import org.overturn.denial.Denials;
import org.overturn.workflow.WorkflowProperties;

class LifecyclePolicyTest {

    private final Denials denials = mock(Denials.class);
    private final LifecyclePolicy policy = new LifecyclePolicy(new WorkflowProperties(new BigDecimal("1000"), 2,
            Duration.ofDays(30), Duration.ofDays(21),
            Map.of("coding", Duration.ofDays(3), "managers", Duration.ofDays(2)), Duration.ofDays(5), "R5/PT5M"),
            new org.overturn.workflow.internal.LifecycleDenial(denials));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void givesEachQueueItsOwnSlaAsAnIsoDuration() {
        assertThat(policy.sla("coding")).isEqualTo("PT72H");
        assertThat(policy.sla("managers")).isEqualTo("PT48H");
    }

    @Test
    void givesAQueueWithoutAnSlaTheDefault() {
        assertThat(policy.sla("parity")).isEqualTo("PT120H");
    }

    @Test
    void makesATaskDueOneSlaAfterTheEngineClock() {
        Date now = new Date(1_767_225_600_000L);
        ClockUtil.setCurrentTime(now);

        assertThat(policy.dueDate("coding")).isEqualTo(new Date(now.getTime() + Duration.ofDays(3).toMillis()));
    }

    @Test
    void waitsTheConfiguredTimeBeforeFollowingUp() {
        assertThat(policy.correctionFollowUp()).isEqualTo("PT720H");
        assertThat(policy.appealFollowUp()).isEqualTo("PT504H");
    }

    @Test
    void asksForApprovalFromTheThresholdUpOfTheDenialsAmountAtRisk() {
        assertThat(policy.needsApproval(lifecycleOfDenialAtRisk("999.99"))).isFalse();
        assertThat(policy.needsApproval(lifecycleOfDenialAtRisk("1000.00"))).isTrue();
        assertThat(policy.needsApproval(lifecycleOfDenialAtRisk("25000.00"))).isTrue();
        when(denials.find(8L)).thenReturn(Optional.empty());
        assertThat(policy.needsApproval(FakeExecution.with(Map.of("denialId", 8L)))).isFalse();
    }

    @Test
    void answersTheModelBefore20261206ThatPassesTheLifecyclesOwnAmount() {
        assertThat(policy.needsApproval("999.99")).isFalse();
        assertThat(policy.needsApproval("1000.00")).isTrue();
        assertThat(policy.needsApproval(1000.0)).as("a double, in processes older still").isTrue();
        assertThat(policy.needsApproval(null)).isFalse();
    }

    @Test
    void readsTheAmountALifecycleStartedBefore20261206Holds() {
        assertThat(policy.needsApproval(FakeExecution.with(Map.of("denialId", 7L, "amountAtRisk", "999.99"))))
                .isFalse();
        assertThat(policy.needsApproval(FakeExecution.with(Map.of("denialId", 7L, "amountAtRisk", 1000.0))))
                .as("a double, in processes older still").isTrue();
        verifyNoInteractions(denials);
    }

    private DelegateExecution lifecycleOfDenialAtRisk(String amount) {
        when(denials.find(7L)).thenReturn(Optional.of(DenialViews.medicalNecessity(7L, amount, 10)));
        return FakeExecution.with(Map.of("denialId", 7L));
    }

    @Test
    void offersAnotherAppealLevelUntilTheLastOne() {
        assertThat(policy.hasAnotherAppealLevel(1)).isTrue();
        assertThat(policy.hasAnotherAppealLevel(2)).isFalse();
        assertThat(policy.hasAnotherAppealLevel(3)).isFalse();
        assertThat(policy.hasAnotherAppealLevel(null)).isTrue();
    }
}

package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;

/** SendAppeal, RecordAppealDecision and RaiseAppealLevel: the appeal of each level from sending to decision. */
class AppealDelegatesTest {

    private final Denials denials = mock(Denials.class);
    private final Appeals appeals = mock(Appeals.class);

    @Test
    void sendAppealRecordsTheAppealOfTheCurrentLevelAndWaits() {
        DelegateExecution execution = FakeExecution.with(Map.of("denialId", 7L, "appealLevel", 2,
                "appealArgument", "note attached", "appealPreparedBy", "bea", "appealApprovedBy", "max"));

        new SendAppeal(appeals, denials).execute(execution);

        verify(appeals).recordSent(7L, 2, "note attached", "bea", "max");
        var order = inOrder(denials);
        order.verify(denials).enterAppealLevel(7L, 2);
        order.verify(denials).moveTo(7L, DenialStatus.APPEALED);
        assertThat(execution.getVariable("appealSent")).isEqualTo(true);
    }

    @Test
    void sendAppealStartsAtLevelOneWithoutAnApprover() {
        new SendAppeal(appeals, denials).execute(FakeExecution.with(Map.of("denialId", 7L,
                "appealArgument", "note attached", "appealPreparedBy", "bea")));

        verify(appeals).recordSent(7L, 1, "note attached", "bea", null);
        verify(denials).enterAppealLevel(7L, 1);
    }

    @Test
    void recordAppealDecisionRecordsTheOutcomeOfTheCurrentLevel() {
        new RecordAppealDecision(appeals).execute(FakeExecution.with(Map.of("denialId", 7L, "appealLevel", 2,
                "appealOutcome", "UPHELD")));

        verify(appeals).recordDecision(7L, 2, Appeals.Outcome.UPHELD);
    }

    @Test
    void raiseAppealLevelStartsAFreshAppealAtTheNextLevel() {
        DelegateExecution execution = FakeExecution.with(new HashMap<>(Map.of("denialId", 7L, "appealLevel", 1,
                "appealSent", true)));

        new RaiseAppealLevel(denials).execute(execution);

        assertThat(execution.getVariable("appealLevel")).isEqualTo(2);
        assertThat(execution.getVariable("appealSent")).isEqualTo(false);
        verify(denials).moveTo(7L, DenialStatus.OPEN);
    }
}

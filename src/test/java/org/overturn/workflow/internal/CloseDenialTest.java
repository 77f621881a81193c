package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialViews;
import org.overturn.denial.Denials;

class CloseDenialTest {

    private final Denials denials = mock(Denials.class);
    private final Appeals appeals = mock(Appeals.class);
    private final CloseDenial delegate = new CloseDenial(denials, appeals, new LifecycleDenial(denials));

    @BeforeEach
    void theDenialIsAtRiskOf400() {
        when(denials.find(7L)).thenReturn(Optional.of(DenialViews.medicalNecessity(7L, "400.00", 10)));
    }

    @Test
    void recordsWhatThe835PaidAsTheRecoveredAmount() {
        delegate.execute(FakeExecution.with(variables("RECOVERED", Map.of("payerAnswer", "PAID", "answerPaid", "385.10"))));

        verify(denials).close(eq(7L), eq(DenialStatus.RECOVERED), eq(new BigDecimal("385.10")), isNull());
    }

    @Test
    void recordsTheAmountAtRiskWhenNo835SaidHowMuchWasPaid() {
        delegate.execute(FakeExecution.with(variables("RECOVERED", Map.of())));

        verify(denials).close(eq(7L), eq(DenialStatus.RECOVERED), eq(new BigDecimal("400.00")), isNull());
    }

    @Test
    void ignoresAnEarlierDeniedAnswerWhenABillerSaysPaid() {
        delegate.execute(FakeExecution.with(variables("RECOVERED", Map.of("payerAnswer", "DENIED", "answerPaid", "0.00"))));

        verify(denials).close(eq(7L), eq(DenialStatus.RECOVERED), eq(new BigDecimal("400.00")), isNull());
    }

    @Test
    void readsTheAmountAtRiskOfAProcessStartedWhenProcessesHeldIt() {
        var older = variables("RECOVERED", Map.of());
        older.put("amountAtRisk", "380.00");

        delegate.execute(FakeExecution.with(older));

        verify(denials).close(eq(7L), eq(DenialStatus.RECOVERED), eq(new BigDecimal("380.00")), isNull());
    }

    @Test
    void readsTheAmountOfAProcessStartedBeforeAmountsWereExactDecimalText() {
        var older = variables("RECOVERED", Map.of());
        older.put("amountAtRisk", 0.1 + 0.2);

        delegate.execute(FakeExecution.with(older));

        verify(denials).close(eq(7L), eq(DenialStatus.RECOVERED), eq(new BigDecimal("0.30")), isNull());
    }

    @Test
    void countsAnAppealThatWasOutAsOverturnedAtItsLevel() {
        delegate.execute(FakeExecution.with(variables("RECOVERED", Map.of("appealSent", true, "appealLevel", 2))));

        verify(appeals).recordDecision(7L, 2, Appeals.Outcome.OVERTURNED);
    }

    @Test
    void recordsNoAppealDecisionWhenNoAppealWasSent() {
        delegate.execute(FakeExecution.with(variables("RECOVERED", Map.of("appealSent", false))));

        verify(appeals, never()).recordDecision(anyLong(), anyInt(), any());
    }

    @Test
    void closesWithNothingLostGivingItsReasonAndNoRecoveredAmount() {
        delegate.execute(FakeExecution.with(variables("PAID_ELSEWHERE",
                Map.of("closingReason", "PAID_BY_OTHER_PAYER"))));

        verify(denials).close(eq(7L), eq(DenialStatus.PAID_ELSEWHERE), isNull(), eq("PAID_BY_OTHER_PAYER"));
    }

    @Test
    void closesAWriteOffWithoutARecoveredAmountOrAnAppealDecision() {
        delegate.execute(FakeExecution.with(variables("WRITTEN_OFF", Map.of("appealSent", true))));

        verify(denials).close(eq(7L), eq(DenialStatus.WRITTEN_OFF), isNull(), isNull());
        verify(appeals, never()).recordDecision(anyLong(), anyInt(), any());
    }

    @Test
    void refusesToRunWithoutTheDenialId() {
        var execution = FakeExecution.with(Map.of("closingStatus", "REVERSED"));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("denialId");
    }

    private static Map<String, Object> variables(String closingStatus, Map<String, Object> more) {
        // as a lifecycle started today holds them: no amount at risk, no appeal level until one is raised
        Map<String, Object> variables = new HashMap<>(Map.of("denialId", 7L, "closingStatus", closingStatus));
        variables.putAll(more);
        return variables;
    }
}

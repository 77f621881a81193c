package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.denial.DenialViews;
import org.overturn.denial.Denials;
import org.overturn.denial.RootCause;
import org.overturn.denial.WorkPath;

/** What the lifecycle asks about its denial: the denial's own facts, or the copies an older lifecycle holds. */
class LifecycleDenialTest {

    private final Denials denials = mock(Denials.class);
    private final LifecycleDenial denial = new LifecycleDenial(denials);

    @Test
    void aLifecycleReadsItsDenialsQueuePriorityAndPath() {
        when(denials.find(7L)).thenReturn(Optional.of(
                DenialViews.of(7L, RootCause.AUTHORIZATION, WorkPath.CORRECT, "250.00", 63)));
        DelegateExecution lifecycle = FakeExecution.with(Map.of("denialId", 7L));

        assertThat(denial.queue(lifecycle)).as("the root cause's queue").isEqualTo("authorizations");
        assertThat(denial.priority(lifecycle)).isEqualTo(63);
        assertThat(denial.path(lifecycle)).isEqualTo("CORRECT");
    }

    @Test
    void aDenialRegisteredBeforeWorkPathsHasNone() {
        when(denials.find(7L)).thenReturn(Optional.of(
                DenialViews.of(7L, RootCause.MEDICAL_NECESSITY, null, "250.00", 63)));

        assertThat(denial.path(FakeExecution.with(Map.of("denialId", 7L)))).isNull();
    }

    @Test
    void theStartsTransientFactsAndAnOlderLifecyclesStoredCopiesComeFirst() {
        DelegateExecution older = FakeExecution.with(Map.of("denialId", 7L, "queue", "coding", "priority", 12,
                "path", "REOPENING"));

        assertThat(denial.queue(older)).isEqualTo("coding");
        assertThat(denial.priority(older)).isEqualTo(12);
        assertThat(denial.path(older)).isEqualTo("REOPENING");
        // started before work paths: it held a queue and no path, and went on without one
        assertThat(denial.path(FakeExecution.with(Map.of("denialId", 7L, "queue", "coding")))).isNull();
        // a start of a denial with no path is given none
        var noPath = new java.util.HashMap<String, Object>(Map.of("denialId", 7L));
        noPath.put("path", null);
        assertThat(denial.path(FakeExecution.with(noPath))).isNull();
        verifyNoInteractions(denials);
    }

    @Test
    void aLifecycleWhoseDenialIsGoneFailsLoudly() {
        when(denials.find(7L)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> denial.priority(FakeExecution.with(Map.of("denialId", 7L))))
                .isInstanceOf(IllegalStateException.class).hasMessage("no denial 7");
    }
}

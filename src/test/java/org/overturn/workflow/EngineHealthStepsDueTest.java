package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.junit.jupiter.api.Test;

/** "Steps due" are the engine's asynchronous continuations that may run now, of active processes. */
class EngineHealthStepsDueTest {

    @Test
    void asksForOneDueActiveMessageJob() {
        ManagementService management = mock(ManagementService.class);
        JobQuery query = mock(JobQuery.class, RETURNS_SELF);
        when(management.createJobQuery()).thenReturn(query);
        when(query.listPage(0, 1)).thenReturn(List.of(mock(Job.class)), List.of());
        var health = new EngineHealth(mock(RuntimeService.class), management, Clock.systemUTC());

        assertThat(health.hasStepsDue()).isTrue();
        assertThat(health.hasStepsDue()).isFalse();
        verify(query, org.mockito.Mockito.times(2)).messages();
        verify(query, org.mockito.Mockito.times(2)).executable();
        verify(query, org.mockito.Mockito.times(2)).active();
    }
}

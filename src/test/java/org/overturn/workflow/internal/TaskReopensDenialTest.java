package org.overturn.workflow.internal;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.overturn.denial.Denials;

/** Which denials go back to OPEN is Denials' rule (tested with the process); here: when the listener asks. */
class TaskReopensDenialTest {

    private final Denials denials = mock(Denials.class);
    private final TaskReopensDenial listener = new TaskReopensDenial(denials);

    @Test
    void asksToReopenTheDenialOfANewTask() {
        listener.on(task(TaskListener.EVENTNAME_CREATE, 7L));

        verify(denials).reopenIfWaiting(7L);
    }

    @Test
    void ignoresEventsOtherThanTaskCreation() {
        listener.on(task(TaskListener.EVENTNAME_COMPLETE, 7L));

        verify(denials, never()).reopenIfWaiting(anyLong());
    }

    @Test
    void ignoresTasksOfProcessesWithoutADenial() {
        listener.on(task(TaskListener.EVENTNAME_CREATE, null));

        verify(denials, never()).reopenIfWaiting(anyLong());
    }

    @Test
    void ignoresTasksOfAParityEscalation() {
        listener.on(task(TaskListener.EVENTNAME_CREATE, 7L, "parity-escalation:3:abc"));

        verify(denials, never()).reopenIfWaiting(anyLong());
    }

    @Test
    void ignoresTasksOutsideAnyProcess() {
        DelegateTask standalone = task(TaskListener.EVENTNAME_CREATE, 7L);
        when(standalone.getExecution()).thenReturn(null);

        listener.on(standalone);

        verify(denials, never()).reopenIfWaiting(anyLong());
    }

    private static DelegateTask task(String event, Long denialId) {
        return task(event, denialId, "denial-lifecycle:1:xyz");
    }

    private static DelegateTask task(String event, Long denialId, String processDefinitionId) {
        DelegateTask task = mock(DelegateTask.class, org.mockito.Mockito.withSettings().strictness(
                org.mockito.quality.Strictness.LENIENT));
        when(task.getEventName()).thenReturn(event);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("denialId")).thenReturn(denialId);
        when(task.getExecution()).thenReturn(execution);
        when(task.getProcessDefinitionId()).thenReturn(processDefinitionId);
        return task;
    }
}

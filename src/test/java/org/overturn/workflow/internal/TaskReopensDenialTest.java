package org.overturn.workflow.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.overturn.denial.DenialKind;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.RootCause;

class TaskReopensDenialTest {

    private final Denials denials = mock(Denials.class);
    private final TaskReopensDenial listener = new TaskReopensDenial(denials);

    @ParameterizedTest
    @EnumSource(value = DenialStatus.class, names = {"CORRECTION_SUBMITTED", "APPEALED"})
    void reopensADenialThatWasWaitingOnThePayer(DenialStatus waiting) {
        when(denials.find(7L)).thenReturn(Optional.of(denial(waiting)));

        listener.on(task(TaskListener.EVENTNAME_CREATE, 7L));

        verify(denials).moveTo(7L, DenialStatus.OPEN);
    }

    @Test
    void leavesAnOpenDenialAlone() {
        when(denials.find(7L)).thenReturn(Optional.of(denial(DenialStatus.OPEN)));

        listener.on(task(TaskListener.EVENTNAME_CREATE, 7L));

        verify(denials, never()).moveTo(anyLong(), any());
    }

    @Test
    void ignoresEventsOtherThanTaskCreation() {
        listener.on(task(TaskListener.EVENTNAME_COMPLETE, 7L));

        verify(denials, never()).find(anyLong());
    }

    @Test
    void ignoresTasksOfProcessesWithoutADenial() {
        listener.on(task(TaskListener.EVENTNAME_CREATE, null));

        verify(denials, never()).find(anyLong());
    }

    private static DelegateTask task(String event, Long denialId) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getEventName()).thenReturn(event);
        when(task.getVariable("denialId")).thenReturn(denialId);
        return task;
    }

    private static DenialView denial(DenialStatus status) {
        return new DenialView(7L, 70L, "PCN-1", "PAYER", "Payer", DenialKind.FULL, "50", RootCause.MEDICAL_NECESSITY,
                "appeals", false, true, "CARC 50", new BigDecimal("400.00"), status, false, LocalDate.now(),
                Instant.now(), "COMMERCIAL", LocalDate.now().plusDays(180), 40, 1, null, null, null);
    }
}

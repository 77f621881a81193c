package org.overturn.workflow.kit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.overturn.FakeExecution;
import org.overturn.workflow.internal.QueueTaskIndex;
import org.springframework.jdbc.core.JdbcTemplate;

class EscalateToManagersTest {

    private final TaskService tasks = mock(TaskService.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
    private final QueueTaskIndex queueTasks = mock(QueueTaskIndex.class);
    private final EscalateToManagers delegate = new EscalateToManagers(tasks, jdbc, queueTasks);

    /** The timeout listener every user task carries: the overdue task is the one whose timer fired. */
    @Test
    void escalatesTheTaskWhoseTimeoutFired() {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getId()).thenReturn("task-3");
        when(task.getTaskDefinitionKey()).thenReturn("Task_PrepareAppeal");
        when(task.getVariable("denialId")).thenReturn(9L);
        IdentityLink appeals = candidate("appeals");
        when(tasks.getIdentityLinksForTask("task-3")).thenReturn(List.of(appeals));

        delegate.notify(task);

        verify(tasks).addCandidateGroup("task-3", "managers");
        verify(queueTasks).readBeforeCommit("task-3");
        verify(tasks).setVariableLocal("task-3", "slaBreached", true);
        verify(jdbc).update(anyString(), eq(9L), eq("Task_PrepareAppeal"), eq("task-3"), eq("appeals"), any());
    }

    /** Instances deployed before the timeout listeners still fire their boundary timers into this bean. */
    @Test
    void letsManagersSeeTheOverdueTaskAndRecordsTheBreachForItsQueue() {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn("task-1");
        when(tasks.createTaskQuery()).thenReturn(query);
        when(query.list()).thenReturn(List.of(task));
        IdentityLink coding = candidate("coding");
        when(tasks.getIdentityLinksForTask("task-1")).thenReturn(List.of(coding));

        delegate.execute(FakeExecution.with(Map.of("denialId", 7L, "overdueTask", "Task_CorrectClaim")));

        verify(query).processInstanceId("process-1");
        verify(query).taskDefinitionKey("Task_CorrectClaim");
        verify(tasks).addCandidateGroup("task-1", "managers");
        verify(queueTasks).readBeforeCommit("task-1");
        verify(tasks).setVariableLocal("task-1", "slaBreached", true);
        verify(jdbc).update(anyString(), eq(7L), eq("Task_CorrectClaim"), eq("task-1"), eq("coding"), any());
    }

    @Test
    void recordsAManagersTaskUnderTheManagersQueue() {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn("task-2");
        when(tasks.createTaskQuery()).thenReturn(query);
        when(query.list()).thenReturn(List.of(task));
        IdentityLink managers = candidate("managers");
        when(tasks.getIdentityLinksForTask("task-2")).thenReturn(List.of(managers));

        delegate.execute(FakeExecution.with(Map.of("denialId", 7L, "overdueTask", "Task_DecideWriteOff")));

        verify(jdbc).update(anyString(), eq(7L), eq("Task_DecideWriteOff"), eq("task-2"), eq("managers"), any());
    }

    @Test
    void doesNothingWhenTheTaskIsAlreadyDone() {
        when(tasks.createTaskQuery()).thenReturn(query);
        when(query.list()).thenReturn(List.of());

        delegate.execute(FakeExecution.with(Map.of("denialId", 7L, "overdueTask", "Task_CorrectClaim")));

        verify(tasks, never()).addCandidateGroup(anyString(), anyString());
        verify(queueTasks, never()).readBeforeCommit(anyString());
        verify(jdbc, never()).update(anyString(), any(Object[].class));
    }

    private static IdentityLink candidate(String group) {
        IdentityLink link = mock(IdentityLink.class);
        when(link.getType()).thenReturn(IdentityLinkType.CANDIDATE);
        when(link.getGroupId()).thenReturn(group);
        return link;
    }
}

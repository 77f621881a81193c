package org.overturn.workflow.kit;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import java.sql.Timestamp;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
// impl: the engine's clock, which the process tests and the demo replay move
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.overturn.denial.WorkQueue;
import org.overturn.workflow.internal.ProcessVariables;
import org.overturn.workflow.internal.QueueTaskIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An overdue task stays where it is, but managers now see it in their queue too, and the breach is recorded
 * for the SLA dashboard. A {@code timeout} task listener on every user task, its duration the queue's SLA
 * ({@code ${lifecyclePolicy.sla(...)}}): a timer job like the boundary timers it replaced (same transaction,
 * same retries), but no flow nodes. Instances started before the change keep their definition's boundary
 * timers, which call this bean as a delegate until they end.
 */
@Component("escalateToManagers")
public class EscalateToManagers implements TaskListener, JavaDelegate {

    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final QueueTaskIndex queueTasks;

    EscalateToManagers(TaskService tasks, JdbcTemplate jdbc, QueueTaskIndex queueTasks) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.queueTasks = queueTasks;
    }

    @Override
    public void notify(DelegateTask task) {
        escalate(task.getId(), task.getTaskDefinitionKey(), ProcessVariables.longOf(task, DENIAL_ID));
    }

    /**
     * The boundary-timer form of definitions deployed before the timeout listeners: the task's id comes from
     * input parameter {@code overdueTask}. Kept so those instances' timers still escalate.
     */
    @Override
    public void execute(DelegateExecution execution) {
        String overdue = ProcessVariables.stringOf(execution, "overdueTask");
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        for (var task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(overdue).list()) {
            escalate(task.getId(), overdue, denialId);
        }
    }

    private void escalate(String taskId, String taskKey, long denialId) {
        tasks.addCandidateGroup(taskId, WorkQueue.MANAGERS);
        queueTasks.readBeforeCommit(taskId);
        tasks.setVariableLocal(taskId, "slaBreached", true);
        String queue = tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
                        && !WorkQueue.MANAGERS.equals(l.getGroupId()))
                .map(l -> l.getGroupId()).findFirst().orElse(WorkQueue.MANAGERS);
        jdbc.update("insert into sla_breach (denial_id, task_definition_key, task_id, queue, breached_at) "
                + "values (?, ?, ?, ?, ?)", denialId, taskKey, taskId, queue,
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }
}

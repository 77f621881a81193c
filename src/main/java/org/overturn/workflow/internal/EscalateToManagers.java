package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import java.sql.Timestamp;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.overturn.denial.WorkQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An overdue task stays where it is, but managers now see it in their queue too, and the breach is recorded
 * for the SLA dashboard. The task's id comes from input parameter {@code overdueTask}.
 */
@Component("escalateToManagers")
class EscalateToManagers implements JavaDelegate {

    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final QueueTaskIndex queueTasks;

    EscalateToManagers(TaskService tasks, JdbcTemplate jdbc, QueueTaskIndex queueTasks) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.queueTasks = queueTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String overdue = ProcessVariables.stringOf(execution, "overdueTask");
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        for (var task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(overdue).list()) {
            tasks.addCandidateGroup(task.getId(), WorkQueue.MANAGERS);
            queueTasks.readBeforeCommit(task.getId());
            tasks.setVariableLocal(task.getId(), "slaBreached", true);
            String queue = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
                            && !WorkQueue.MANAGERS.equals(l.getGroupId()))
                    .map(l -> l.getGroupId()).findFirst().orElse(WorkQueue.MANAGERS);
            jdbc.update("insert into sla_breach (denial_id, task_definition_key, task_id, queue, breached_at) "
                    + "values (?, ?, ?, ?, ?)", denialId, overdue, task.getId(), queue,
                    new Timestamp(ClockUtil.getCurrentTime().getTime()));
        }
    }
}

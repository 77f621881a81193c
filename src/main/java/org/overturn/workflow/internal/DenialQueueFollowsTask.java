package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.overturn.denial.Denials;
import org.overturn.workflow.DenialLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The queue a denial reports (lists, filters, dashboard) is the queue where its open work is: each task its
 * lifecycle creates moves the denial to that task's queue, in the engine's transaction. A parity escalation's tasks
 * run beside the lifecycle's and leave it alone; so does a manager added to a task by an SLA escalation (no event).
 */
@Component
class DenialQueueFollowsTask {

    private final Denials denials;

    DenialQueueFollowsTask(Denials denials) {
        this.denials = denials;
    }

    @EventListener
    public void on(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(DenialLifecycle.PROCESS_KEY + ":")) {
            return;
        }
        // the process's variable, read from the task's execution: the task's own variables (a query for each new
        // task, 6% of a file's time waiting on the database) never hold it
        Object denialId = task.getExecution() == null ? null : task.getExecution().getVariable(DENIAL_ID);
        String queue = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null);
        if (denialId instanceof Number id && queue != null) {
            denials.reportQueue(id.longValue(), queue);
        }
    }
}

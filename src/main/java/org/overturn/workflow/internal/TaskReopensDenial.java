package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.overturn.denial.Denials;
import org.overturn.workflow.DenialLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new user task means someone has work on the denial again (an answer came back denied, a follow-up is
 * due): a denial that was waiting on the payer is open again.
 */
@Component
class TaskReopensDenial {

    private final Denials denials;

    TaskReopensDenial(Denials denials) {
        this.denials = denials;
    }

    @EventListener
    public void on(DelegateTask task) {
        // the process's variable, read from the task's execution: the task's own (a query for each new task)
        // never holds it
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                || task.getExecution() == null
                || !(task.getExecution().getVariable(DENIAL_ID) instanceof Number id)
                || !task.getProcessDefinitionId().startsWith(DenialLifecycle.PROCESS_KEY + ":")) {
            // a parity escalation's tasks run beside the denial's own work and do not reopen it
            return;
        }
        denials.reopenIfWaiting(id.longValue());
    }
}

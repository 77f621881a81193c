package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code queue_task}, the open tasks of denials by queue, in step with the engine: each task event is
 * heard inside the engine's transaction, so the table and the engine's tasks commit or roll back together.
 * The queue counts on every home page and the dashboard's backlog read this one narrow table instead of joining
 * the engine's tasks, their candidate groups and the denials behind them. A candidate group added to a task
 * outside the process (in Cockpit) fires no task event: it is counted from the task's next change.
 */
@Component
class QueueTaskIndex {

    private final JdbcTemplate jdbc;

    QueueTaskIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> offer(task);
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> withdraw(task.getId());
            // a due date or candidate group changed through the task service (Cockpit, Tasklist)
            case TaskListener.EVENTNAME_UPDATE -> resyncBeforeCommit(task.getId());
            default -> {
            }
        }
    }

    /** The task is offered to one more queue (an escalation adds managers): no task event says so. */
    void alsoOfferTo(String taskId, String queue) {
        jdbc.update("""
                insert into queue_task (task_id, queue, denial_id, due_date, amount_at_risk, payer_id, payer_name,
                                        remittance_date)
                select task_id, ?, denial_id, due_date, amount_at_risk, payer_id, payer_name, remittance_date
                  from queue_task where task_id = ? limit 1
                on conflict do nothing
                """, queue, taskId);
    }

    private void offer(DelegateTask task) {
        String[] queues = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).distinct().toArray(String[]::new);
        // a task outside a denial's process (none today) is in no denial queue
        if (queues.length == 0 || !(task.getVariable(DENIAL_ID) instanceof Number denialId)) {
            return;
        }
        jdbc.update("""
                insert into queue_task (task_id, queue, denial_id, due_date, amount_at_risk, payer_id, payer_name,
                                        remittance_date)
                select ?, q.queue, d.id, ?, d.amount_at_risk, d.payer_id, d.payer_name, d.remittance_date
                  from denial d cross join unnest(?::varchar[]) as q (queue)
                 where d.id = ? and d.follows_denial_id is null
                on conflict do nothing
                """, task.getId(), task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime()),
                queues, denialId.longValue());
    }

    /**
     * The task as the engine's tables have it once they are written: during the event the task's candidate list
     * still holds a group being removed. The engine writes its changes before the transaction commits.
     */
    private void resyncBeforeCommit(String taskId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            resync(taskId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                resync(taskId);
            }
        });
    }

    private void resync(String taskId) {
        withdraw(taskId);
        jdbc.update("""
                insert into queue_task (task_id, queue, denial_id, due_date, amount_at_risk, payer_id, payer_name,
                                        remittance_date)
                select t.id_, l.group_id_, d.id, t.due_date_, d.amount_at_risk, d.payer_id, d.payer_name,
                       d.remittance_date
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                  join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  join denial d on d.id = dp.denial_id and d.follows_denial_id is null
                 where t.id_ = ?
                on conflict do nothing
                """, taskId);
    }

    private void withdraw(String taskId) {
        jdbc.update("delete from queue_task where task_id = ?", taskId);
    }
}

package org.overturn.workflow.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.overturn.system.IndexScans;
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
// public for the process kit's escalation, which adds a candidate group without a task event
public class QueueTaskIndex {

    /** More tasks than this in one transaction (a file's) are read with plans made for them. */
    private static final int PLANNED_FOR_THEIR_ROWS = 50;

    /** A task's rows as the engine has them: its candidate groups, with its denial's dollars, payer and date. */
    private static final String READ = """
            insert into queue_task (task_id, queue, denial_id, due_date, amount_at_risk, payer_id, payer_name,
                                    remittance_date)
            select t.id_, l.group_id_, d.id, t.due_date_, d.amount_at_risk, d.payer_id, d.payer_name, d.remittance_date
              from %s
              join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
              join denial_process dp on dp.process_instance_id = t.proc_inst_id_
              join denial_report d on d.id = dp.denial_id and d.follows_denial_id is null
             %s
            on conflict do nothing
            """;

    /**
     * The rows of an authorization-watch task, which has no denial: the queues count it with its finding's payer
     * and no dollars (nothing is denied yet).
     */
    private static final String READ_PREVENTION = """
            insert into queue_task (task_id, queue, denial_id, prevention_id, due_date, amount_at_risk, payer_id,
                                    payer_name, remittance_date)
            select t.id_, l.group_id_, null, p.id, t.due_date_, 0, p.payer_id, p.payer_name, null
              from %s
              join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
              join authorization_prevention_report p on p.process_instance_id = t.proc_inst_id_
             %s
            on conflict do nothing
            """;

    private final JdbcTemplate jdbc;

    QueueTaskIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(DelegateTask task) {
        switch (task.getEventName()) {
            // a new task, or a due date or candidate group changed through the task service (Cockpit, Tasklist)
            case TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE -> readBeforeCommit(task.getId());
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> withdraw(task.getId());
            default -> {
            }
        }
    }

    /**
     * The task's rows are read again from the engine's tables once they are written, just before the transaction
     * commits: during an event the task is not written yet, and its candidate list still holds a group being
     * removed. Also for what fires no event, such as an escalation adding managers.
     */
    public void readBeforeCommit(String taskId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            read(List.of(taskId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<String> tasks = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, tasks);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    read(tasks);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(QueueTaskIndex.this);
                }
            });
            pending = tasks;
        }
        pending.add(taskId);
    }

    /**
     * A file's thousands of tasks in two statements, a job's few one by one. The file's ids are joined
     * rather than matched with "= any", which searches the array from end to end for every row it looks at, and a
     * file's thousands are read with index scans, as the planner's statistics do not know the tasks it wrote.
     */
    private void read(Collection<String> taskIds) {
        if (taskIds.size() > PLANNED_FOR_THEIR_ROWS) {
            String[] ids = taskIds.toArray(String[]::new);
            IndexScans.forced(jdbc, () -> {
                jdbc.update("delete from queue_task q using unnest(?::text[]) as gone (task_id) where q.task_id = gone.task_id",
                        (Object) ids);
                jdbc.update(READ.formatted("unnest(?::text[]) as written (task_id) join act_ru_task t on t.id_ = written.task_id",
                        ""), (Object) ids);
                jdbc.update(READ_PREVENTION.formatted("unnest(?::text[]) as written (task_id) join act_ru_task t"
                        + " on t.id_ = written.task_id", ""), (Object) ids);
            });
            return;
        }
        // a job's task or two, one by one: the prepared statement's cached plan looks each task up by its key (a
        // cached plan for the array form cannot know how many ids it will get)
        for (String taskId : taskIds) {
            withdraw(taskId);
            if (jdbc.update(READ.formatted("act_ru_task t", "where t.id_ = ?"), taskId) == 0) {
                jdbc.update(READ_PREVENTION.formatted("act_ru_task t", "where t.id_ = ?"), taskId);
            }
        }
    }

    private void withdraw(String taskId) {
        jdbc.update("delete from queue_task where task_id = ?", taskId);
    }
}

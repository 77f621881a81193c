package org.overturn.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.WorkQueue;
import org.overturn.workflow.AppealDeadlineWatch.Deadline;
import org.overturn.workflow.ProcessesOfDenials;
import org.springframework.stereotype.Component;

/**
 * The appeal-deadline process reached a point (input parameter {@code deadlineEvent}): it is recorded once per
 * denial, level and kind. NEAR also flags the denial's open tasks ({@code deadlineNear}) and sorts them to the top of
 * their queues; ESCALATED also puts them in the managers' queue. MISSED changes no task: it is the denial's record,
 * which the deadline counts and the client reports read (a deadline already past when its level opens is recorded
 * the same way, without a watch). Warnings due after the deadline has passed are skipped.
 */
@Component("appealDeadlineReached")
class AppealDeadlineReached implements JavaDelegate {

    static final int NEAR_PRIORITY = 100;

    private final AppealDeadlines deadlines;
    private final ProcessesOfDenials processes;
    private final TaskService tasks;
    private final QueueTaskIndex queueTasks;
    private final AppealDeadlinePolicy policy;
    private final Clock clock;

    AppealDeadlineReached(AppealDeadlines deadlines, ProcessesOfDenials processes, TaskService tasks,
                          QueueTaskIndex queueTasks, AppealDeadlinePolicy policy, Clock clock) {
        this.deadlines = deadlines;
        this.processes = processes;
        this.tasks = tasks;
        this.queueTasks = queueTasks;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Deadline deadline = Deadline.of(execution);
        long denialId = deadline.denialId();
        int level = deadline.level();
        var event = AppealDeadlines.DeadlineEvent.valueOf(ProcessVariables.stringOf(execution, "deadlineEvent"));
        LocalDate dueOn = deadline.dueOn();
        Instant now = clock.instant();
        if (event != AppealDeadlines.DeadlineEvent.MISSED && policy.isOver(dueOn)) {
            // a warning that comes when the deadline has passed already (a remittance loaded late, a level opened
            // from an old decision letter) helps nobody: the missed deadline is recorded next
            return;
        }
        deadlines.record(denialId, level, event, dueOn, now);
        if (event == AppealDeadlines.DeadlineEvent.MISSED) {
            return;
        }
        for (String processInstanceId : processes.lifecycleOf(denialId).stream().toList()) {
            for (var task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
                if (event == AppealDeadlines.DeadlineEvent.NEAR) {
                    tasks.setVariableLocal(task.getId(), "deadlineNear", true);
                    tasks.setPriority(task.getId(), NEAR_PRIORITY);
                } else {
                    tasks.addCandidateGroup(task.getId(), WorkQueue.MANAGERS);
                }
                queueTasks.readBeforeCommit(task.getId());
            }
        }
    }
}

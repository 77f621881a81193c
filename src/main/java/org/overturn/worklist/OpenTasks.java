package org.overturn.worklist;

import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.overturn.denial.WorkQueue;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * An open task as the engine has it: found, its queue, and why it is gone when it is. Shared by the queue reads
 * ({@link WorkItems}) and the task actions ({@link TaskWork}), which both meet tasks that another user's commit has
 * just moved on.
 */
@Component
class OpenTasks {

    private final TaskService tasks;
    private final HistoryService history;

    OpenTasks(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    Task find(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw gone(taskId);
        }
        return task;
    }

    List<String> candidateGroups(String taskId) {
        try {
            return tasks.getIdentityLinksForTask(taskId).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(l -> l.getGroupId()).toList();
        } catch (RuntimeException e) {
            // a task completed meanwhile can fail the engine's own checks (its execution is gone) before it
            // says the task is not there
            throw goneOr(taskId, e);
        }
    }

    /**
     * Why a task is not open: completed or closed (a conflict: someone or something got there first, and the
     * history says who), or never there at all.
     */
    TaskProblem gone(String taskId) {
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done == null || done.getEndTime() == null) {
            return new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task " + taskId);
        }
        if ("completed".equals(done.getDeleteReason())) {
            return new TaskProblem(TaskProblem.Kind.CONFLICT, "This task was completed already"
                    + (done.getAssignee() == null ? "" : " by " + done.getAssignee()));
        }
        return new TaskProblem(TaskProblem.Kind.CONFLICT, "This task is closed: its denial moved on without it");
    }

    /**
     * An error while working a task: the task vanished meanwhile (someone completed it: the engine then fails in
     * many ways, down to a missing execution), the database refused one of two colliding transactions, or a real
     * error.
     */
    RuntimeException goneOr(String taskId, RuntimeException e) {
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return gone(taskId);
        }
        return collided(e) ? raced(taskId) : e;
    }

    /** A deadlock or serialization failure (SQLSTATE class 40), or an optimistic lock, anywhere in the causes. */
    static boolean collided(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** Another user's change to the task committed first: said as what the task is now. */
    TaskProblem raced(String taskId) {
        Task now = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (now == null) {
            return gone(taskId);
        }
        return now.getAssignee() != null ? claimedBy(now.getAssignee())
                : new TaskProblem(TaskProblem.Kind.CONFLICT, "Someone else changed this task a moment ago: try again");
    }

    /** The queue a task was routed to: its candidate group other than managers (added on escalation). */
    String queueOf(String taskId) {
        List<String> groups = candidateGroups(taskId);
        return groups.stream().filter(g -> !g.equals(WorkQueue.MANAGERS)).findFirst()
                .orElse(groups.isEmpty() ? WorkQueue.MANAGERS : groups.get(0));
    }

    static TaskProblem claimedBy(String assignee) {
        return new TaskProblem(TaskProblem.Kind.CONFLICT, "This task is claimed by " + assignee);
    }
}

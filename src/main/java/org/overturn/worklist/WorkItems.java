package org.overturn.worklist;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.WorkQueue;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.workflow.DenialLifecycle;
import org.overturn.workflow.DenialProcesses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The tasks of the work queues as billers see them: ordered by priority, with the facts of the denial behind
 * each, Part 2 denials redacted for users who may not see them; claiming and completing with the rules of
 * who may work what.
 */
@Service
public class WorkItems {

    public record QueueSummary(String queue, long open, long overdue, long dueThisWeek, BigDecimal amountAtRisk,
                               boolean member) {
    }

    public record WorkItem(String taskId, String name, String taskDefinitionKey, String queue, Instant created,
                           Instant due, boolean overdue, int priority, String assignee, DenialFacts denial) {
    }

    /** The denial behind a task; only {@code id}, amounts and dates when redacted for Part 2. */
    public record DenialFacts(long id, boolean redacted, String patientControlNumber, String payerName,
                              String rootCause, String kind, String primaryReason, String explanation,
                              BigDecimal amountAtRisk, LocalDate appealDueDate, Long daysToAppealDeadline,
                              boolean part2) {
    }

    public record ItemPage(List<WorkItem> items, int page, int size, long total) {
    }

    private final TaskService tasks;
    private final Denials denials;
    private final TaskForms forms;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final DenialProcesses processes;

    WorkItems(TaskService tasks, Denials denials, TaskForms forms, JdbcTemplate jdbc, AuditTrail audit,
              DenialProcesses processes) {
        this.processes = processes;
        this.tasks = tasks;
        this.denials = denials;
        this.forms = forms;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<QueueSummary> queues(CurrentUser user) {
        Map<String, QueueSummary> counted = new HashMap<>();
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        Timestamp inAWeek = new Timestamp(now.getTime() + ChronoUnit.WEEKS.getDuration().toMillis());
        jdbc.query("""
                select l.group_id_ as queue,
                       count(*) as open,
                       count(*) filter (where t.due_date_ < ?) as overdue,
                       count(*) filter (where t.due_date_ >= ? and t.due_date_ < ?) as due_week,
                       coalesce(sum(d.amount_at_risk), 0) as at_risk
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
                  join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  join denial d on d.id = dp.denial_id and d.follows_denial_id is null
                 group by l.group_id_
                """, row -> {
            String queue = row.getString("queue");
            counted.put(queue, new QueueSummary(queue, row.getLong("open"), row.getLong("overdue"),
                    row.getLong("due_week"), row.getBigDecimal("at_risk"), user.queues().contains(queue)));
        }, now, now, inAWeek);
        return WorkQueue.ALL.stream().filter(user::canView)
                .map(q -> counted.getOrDefault(q, new QueueSummary(q, 0, 0, 0, BigDecimal.ZERO,
                        user.queues().contains(q))))
                .toList();
    }

    public ItemPage tasksOf(String queue, CurrentUser user, int page, int size) {
        if (!WorkQueue.ALL.contains(queue)) {
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No queue " + queue);
        }
        if (!user.canView(queue)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "You are not a member of the " + queue + " queue");
        }
        var query = tasks.createTaskQuery().taskCandidateGroup(queue).processDefinitionKey(DenialLifecycle.PROCESS_KEY);
        long total = query.count();
        List<Task> found = query.orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(page * size, size);
        return new ItemPage(describe(found, queue, user), page, size, total);
    }

    public WorkItem task(String taskId, CurrentUser user) {
        Task task = find(taskId);
        String queue = queueOf(taskId);
        if (!user.canView(queue) && !user.id().equals(task.getAssignee())) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "This task is in a queue you are not a member of");
        }
        return describe(List.of(task), queue, user).get(0);
    }

    public List<TaskForms.Field> formOf(String taskId, CurrentUser user) {
        task(taskId, user);
        return forms.fieldsOf(taskId);
    }

    public void claim(String taskId, CurrentUser user) {
        Task task = workable(taskId, user);
        if (user.id().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw claimedBy(task.getAssignee());
        }
        try {
            tasks.claim(taskId, user.id());
        } catch (TaskAlreadyClaimedException e) {
            throw claimedBy(e.getTaskAssignee());
        }
    }

    public void unclaim(String taskId, CurrentUser user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.isManagerOrAdmin()) {
            throw claimedBy(task.getAssignee());
        }
        tasks.setAssignee(taskId, null);
    }

    /** Completes a task with its form, claiming it first when nobody has. */
    public void complete(String taskId, Map<String, Object> form, CurrentUser user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw claimedBy(task.getAssignee());
        }
        Map<String, Object> values = new HashMap<>(forms.validate(taskId, form));
        values.put(LAST_COMPLETED_BY, user.id());
        if (DenialLifecycle.Tasks.PREPARE_APPEAL.equals(task.getTaskDefinitionKey())) {
            values.put(PREPARED_BY, user.id());
        } else if (DenialLifecycle.Tasks.APPROVE_APPEAL.equals(task.getTaskDefinitionKey())) {
            values.put(APPROVED_BY, user.id());
        }
        try {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            tasks.complete(taskId, values);
            audit.record(AuditAction.TASK_COMPLETED, "task", taskId, task.getTaskDefinitionKey());
        } catch (TaskAlreadyClaimedException e) {
            throw claimedBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Someone else completed this task a moment ago");
        }
    }

    public void recordAppealDecision(long denialId, String decision, CurrentUser user) {
        if (!user.canWork(WorkQueue.APPEALS)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the appeals queue record decisions");
        }
        if (!"OVERTURNED".equals(decision) && !"UPHELD".equals(decision)) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form",
                    Map.of("decision", "Decision: choose OVERTURNED or UPHELD"));
        }
        var denial = denials.find(denialId)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No denial " + denialId));
        if (denial.part2() && !user.seesPart2()) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Restricted: substance-use record (42 CFR Part 2)");
        }
        if (!processes.recordAppealDecision(denialId, decision, user.id())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Denial " + denialId + " is not waiting for an appeal decision");
        }
        audit.record(AuditAction.TASK_COMPLETED, "denial", String.valueOf(denialId), "appeal decision " + decision);
    }

    private Task workable(String taskId, CurrentUser user) {
        Task task = find(taskId);
        String queue = queueOf(taskId);
        if (!user.canWork(queue) && !candidateGroups(taskId).stream().anyMatch(user.queues()::contains)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the " + queue + " queue work this task");
        }
        return task;
    }

    private Task find(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task " + taskId
                    + " (it may have been completed already)");
        }
        return task;
    }

    private List<String> candidateGroups(String taskId) {
        try {
            return tasks.getIdentityLinksForTask(taskId).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(l -> l.getGroupId()).toList();
        } catch (ProcessEngineException e) {
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task " + taskId);
        }
    }

    /** The queue a task was routed to: its candidate group other than managers (added on escalation). */
    private String queueOf(String taskId) {
        List<String> groups = candidateGroups(taskId);
        return groups.stream().filter(g -> !g.equals(WorkQueue.MANAGERS)).findFirst()
                .orElse(groups.isEmpty() ? WorkQueue.MANAGERS : groups.get(0));
    }

    private static TaskProblem claimedBy(String assignee) {
        return new TaskProblem(TaskProblem.Kind.CONFLICT, "This task is claimed by " + assignee);
    }

    private List<WorkItem> describe(List<Task> found, String queue, CurrentUser user) {
        Map<String, Long> denialOfProcess = denialIdsOf(found.stream().map(Task::getProcessInstanceId).toList());
        Map<Long, DenialView> byId = denials.findAll(denialOfProcess.values()).stream()
                .collect(Collectors.toMap(DenialView::id, Function.identity()));
        Date now = ClockUtil.getCurrentTime();
        LocalDate today = LocalDate.ofInstant(now.toInstant(), ZoneId.systemDefault());
        return found.stream().map(t -> {
            DenialView d = byId.get(denialOfProcess.get(t.getProcessInstanceId()));
            return new WorkItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), queue,
                    t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getDueDate() != null && t.getDueDate().before(now), t.getPriority(), t.getAssignee(),
                    d == null ? null : facts(d, user, today));
        }).toList();
    }

    static DenialFacts facts(DenialView d, CurrentUser user, LocalDate today) {
        Long daysLeft = d.appealDueDate() == null ? null : ChronoUnit.DAYS.between(today, d.appealDueDate());
        if (d.part2() && !user.seesPart2()) {
            return new DenialFacts(d.id(), true, null, null, null, null, null,
                    "Restricted: substance-use record (42 CFR Part 2)", d.amountAtRisk(), d.appealDueDate(),
                    daysLeft, true);
        }
        return new DenialFacts(d.id(), false, d.patientControlNumber(), d.payerName(), d.rootCause().name(),
                d.kind().name(), d.primaryReason(), d.explanation(), d.amountAtRisk(), d.appealDueDate(), daysLeft,
                d.part2());
    }

    private Map<String, Long> denialIdsOf(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select process_instance_id, min(denial_id) from denial_process where process_instance_id = any(?) "
                + "group by process_instance_id", row -> {
            ids.put(row.getString(1), row.getLong(2));
        }, (Object) processInstanceIds.toArray(String[]::new));
        return ids;
    }
}

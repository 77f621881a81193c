package org.overturn.worklist;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.WorkQueue;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.SqlCondition;
import org.overturn.workflow.DenialLifecycle;
import org.overturn.workflow.DenialProcesses;
import org.springframework.dao.ConcurrencyFailureException;
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
    private final HistoryService history;
    private final RecentFacets recentFacets;

    private final DenialAccess access;
    private final Clock clock;

    WorkItems(TaskService tasks, Denials denials, TaskForms forms, JdbcTemplate jdbc, AuditTrail audit,
              DenialProcesses processes, HistoryService history, RecentFacets recentFacets, DenialAccess access,
              Clock clock) {
        this.access = access;
        this.clock = clock;
        this.processes = processes;
        this.history = history;
        this.recentFacets = recentFacets;
        this.tasks = tasks;
        this.denials = denials;
        this.forms = forms;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The queues this user may look at, each with its open tasks counted: only those queues' tasks are read. */
    public List<QueueSummary> queues(CurrentUser user) {
        List<String> visible = WorkQueue.ALL.stream().filter(user::canView).toList();
        Map<String, QueueSummary> counted = new HashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp inAWeek = new Timestamp(now.getTime() + ChronoUnit.WEEKS.getDuration().toMillis());
        // queue_task: the open tasks by queue with their denials' dollars, kept by the engine's task events
        jdbc.query("""
                select queue,
                       count(*) as open,
                       count(*) filter (where due_date < ?) as overdue,
                       count(*) filter (where due_date >= ? and due_date < ?) as due_week,
                       coalesce(sum(amount_at_risk), 0) as at_risk
                  from queue_task
                 where queue = any(?)
                 group by queue
                """, row -> {
            String queue = row.getString("queue");
            counted.put(queue, new QueueSummary(queue, row.getLong("open"), row.getLong("overdue"),
                    row.getLong("due_week"), row.getBigDecimal("at_risk"), user.queues().contains(queue)));
        }, now, now, inAWeek, visible.toArray(String[]::new));
        return visible.stream()
                .map(q -> counted.getOrDefault(q, new QueueSummary(q, 0, 0, 0, BigDecimal.ZERO,
                        user.queues().contains(q))))
                .toList();
    }

    public ItemPage tasksOf(String queue, CurrentUser user, int page, int size) {
        return tasksOf(queue, user, TaskFilter.NONE, page, size);
    }

    /**
     * The open tasks of a queue that pass the filter, ordered as the filter says (priority first by default),
     * one page of them. One SQL count and one page query over the engine's task tables and the denial table.
     */
    public ItemPage tasksOf(String queue, CurrentUser user, TaskFilter filter, int page, int size) {
        checkVisible(queue, user);
        var where = new StringBuilder("""
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = ?
                  join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  join denial d on d.id = dp.denial_id and d.follows_denial_id is null
                 where true
                """);
        List<Object> args = new ArrayList<>(List.of(queue));
        // the queue is the scope (checkVisible); the gate keeps content filters off hidden Part 2 records
        SqlCondition gate = access.contentCondition(user, "d", filter.narrowsByContent());
        where.append(gate.sql());
        args.addAll(gate.args());
        if (filter.payer() != null) {
            where.append(" and (d.payer_id = ? or d.payer_name = ?)");
            args.add(filter.payer());
            args.add(filter.payer());
        }
        if (filter.rootCause() != null) {
            where.append(" and d.root_cause = ?");
            args.add(filter.rootCause());
        }
        if (filter.cpt() != null) {
            where.append(" and exists (select 1 from service_line s where s.claim_payment_id = d.claim_payment_id"
                    + " and s.procedure_code = ?)");
            args.add(filter.cpt());
        }
        int[] age = filter.ageRange();
        if (age != null) {
            LocalDate today = today();
            where.append(" and d.remittance_date <= ? and d.remittance_date >= ?");
            args.add(java.sql.Date.valueOf(today.minusDays(age[0])));
            args.add(java.sql.Date.valueOf(age[1] == Integer.MAX_VALUE ? LocalDate.of(1900, 1, 1)
                    : today.minusDays(age[1])));
        }
        if (TaskFilter.NOBODY.equals(filter.assignee())) {
            where.append(" and t.assignee_ is null");
        } else if (filter.assignee() != null) {
            where.append(" and t.assignee_ = ?");
            args.add(TaskFilter.ME.equals(filter.assignee()) ? user.id() : filter.assignee());
        }
        // unfiltered, every candidate link of the queue is one open task: counted from its index alone
        Long total = filter.equals(TaskFilter.NONE)
                ? jdbc.queryForObject("select count(*) from act_ru_identitylink where group_id_ = ? and type_ = "
                        + "'candidate' and task_id_ is not null", Long.class, queue)
                : jdbc.queryForObject("select count(*) " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<TaskRow> rows = jdbc.query("""
                select t.id_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, t.priority_, t.assignee_,
                       t.proc_inst_id_, d.id as denial_id
                """ + where + " order by " + filter.sort().orderBy + ", t.id_ limit ? offset ?",
                (rs, i) -> new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getInt(6), rs.getString(7), rs.getString(8),
                        rs.getLong(9)), pageArgs.toArray());
        return new ItemPage(describeRows(rows, queue, user), page, size, total == null ? 0 : total);
    }

    /** Every task of the queue that passes the filter, in the filter's order, a page of 500 at a time. */
    public void forEachTask(String queue, CurrentUser user, TaskFilter filter,
                            java.util.function.Consumer<WorkItem> each) {
        int page = 0;
        ItemPage found;
        do {
            found = tasksOf(queue, user, filter, page++, 500);
            found.items().forEach(each);
        } while ((long) page * 500 < found.total() && !found.items().isEmpty());
    }

    /** The values a queue's filters can take, from its open tasks; Part 2 denials' values only for those allowed. */
    public record QueueFacets(List<String> payers, List<String> rootCauses, List<String> procedures,
                              List<String> assignees) {
    }

    /** The filters' values of a queue this user may see, as of a few seconds ago at most ({@link RecentFacets}). */
    public QueueFacets facetsOf(String queue, CurrentUser user) {
        checkVisible(queue, user);
        return recentFacets.of(queue, user.seesPart2());
    }

    /** What a bulk claim did: tasks now the user's, and why the others were not claimed. */
    public record BulkClaim(int claimed, Map<String, String> refused) {
    }

    public BulkClaim claimAll(Collection<String> taskIds, CurrentUser user) {
        int claimed = 0;
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (String taskId : new java.util.LinkedHashSet<>(taskIds)) {
            try {
                claim(taskId, user);
                claimed++;
            } catch (TaskProblem problem) {
                refused.put(taskId, problem.getMessage());
            }
        }
        return new BulkClaim(claimed, refused);
    }

    private void checkVisible(String queue, CurrentUser user) {
        if (!WorkQueue.ALL.contains(queue)) {
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No queue " + queue);
        }
        if (!user.canView(queue)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "You are not a member of the " + queue + " queue");
        }
    }

    /** The open tasks of one denial's process that this user may see, for the denial page. */
    public List<WorkItem> tasksOfDenial(long denialId, CurrentUser user) {
        // its lifecycle first, then its parity escalation if it has one
        List<String> processes = jdbc.queryForList("select process_instance_id from denial_process "
                + "where denial_id = ? order by kind = 'LIFECYCLE' desc", String.class, denialId);
        if (processes.isEmpty()) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(processes.toArray(String[]::new)).list()) {
            String queue = queueOf(task.getId());
            if (user.canView(queue) || user.id().equals(task.getAssignee())) {
                items.add(describe(List.of(task), queue, user).get(0));
            }
        }
        return items;
    }

    /** Whether this user may claim and complete the task (member of its queue, or admin; Part 2 access for Part 2). */
    public boolean canWork(String taskId, CurrentUser user) {
        try {
            workable(taskId, user);
            return true;
        } catch (TaskProblem refused) {
            return false;
        }
    }

    public WorkItem task(String taskId, CurrentUser user) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            // reading a task that is done is no conflict: it is simply not there any more
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, gone(taskId).getMessage());
        }
        String queue = queueOf(taskId);
        if (!user.canView(queue) && !user.id().equals(task.getAssignee())) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "This task is in a queue you are not a member of");
        }
        return describe(List.of(task), queue, user).get(0);
    }

    public List<TaskForms.Field> formOf(String taskId, CurrentUser user) {
        WorkItem item = task(taskId, user);
        if (item.denial() != null && item.denial().redacted()) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, DenialAccess.RESTRICTED);
        }
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
        } catch (OptimisticLockingException e) {
            throw raced(taskId);
        } catch (RuntimeException e) {
            throw goneOr(taskId, e);
        }
    }

    public void unclaim(String taskId, CurrentUser user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.isManagerOrAdmin()) {
            throw claimedBy(task.getAssignee());
        }
        try {
            tasks.setAssignee(taskId, null);
        } catch (OptimisticLockingException e) {
            throw raced(taskId);
        } catch (RuntimeException e) {
            throw goneOr(taskId, e);
        }
    }

    /**
     * Completes a task with its form, claiming it first when nobody has. Of two users completing the same task
     * at once exactly one succeeds; the other is told who took or completed it (a conflict), wherever in
     * these steps the other's commit overtook this request.
     */
    public void complete(String taskId, Map<String, Object> form, CurrentUser user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw claimedBy(task.getAssignee());
        }
        try {
            Map<String, Object> values = new HashMap<>(forms.validate(taskId, form));
            values.put(LAST_COMPLETED_BY, user.id());
            if (DenialLifecycle.Tasks.PREPARE_APPEAL.equals(task.getTaskDefinitionKey())) {
                values.put(PREPARED_BY, user.id());
            } else if (DenialLifecycle.Tasks.APPROVE_APPEAL.equals(task.getTaskDefinitionKey())) {
                values.put(APPROVED_BY, user.id());
            }
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            tasks.complete(taskId, values);
        } catch (TaskProblem e) {
            throw e;
        } catch (TaskAlreadyClaimedException e) {
            throw claimedBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw raced(taskId);
        } catch (RuntimeException e) {
            throw goneOr(taskId, e);
        }
        audit.record(AuditAction.TASK_COMPLETED, "task", taskId, task.getTaskDefinitionKey());
    }

    public void recordAppealDecision(long denialId, String decision, CurrentUser user) {
        if (!user.canWork(WorkQueue.APPEALS)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the appeals queue record decisions");
        }
        if (!"OVERTURNED".equals(decision) && !"UPHELD".equals(decision)) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form",
                    Map.of("decision", "Decision: choose OVERTURNED or UPHELD"));
        }
        denials.find(denialId)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No denial " + denialId));
        access.requireFull(user, denialId);
        if (!processes.recordAppealDecision(denialId, decision, user.id())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Denial " + denialId + " is not waiting for an appeal decision");
        }
        audit.record(AuditAction.TASK_COMPLETED, "denial", String.valueOf(denialId), "appeal decision " + decision);
    }

    /**
     * The task, if this user may claim and complete it: a member of its queue (or admin), and, for a Part 2
     * denial's task, a user who sees Part 2 records (so a manager's approval of a Part 2 appeal needs a manager
     * with Part 2 access, or an admin).
     */
    private Task workable(String taskId, CurrentUser user) {
        Task task = find(taskId);
        String queue = queueOf(taskId);
        if (!user.canWork(queue) && !candidateGroups(taskId).stream().anyMatch(user.queues()::contains)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the " + queue + " queue work this task");
        }
        Long denialId = denialIdsOf(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        if (denialId != null && access.levelOf(user, denialId) == DenialAccess.Level.REDACTED) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, DenialAccess.RESTRICTED
                    + ": only users with Part 2 access work its tasks");
        }
        return task;
    }

    private Task find(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw gone(taskId);
        }
        return task;
    }

    private List<String> candidateGroups(String taskId) {
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
    private TaskProblem gone(String taskId) {
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
    private RuntimeException goneOr(String taskId, RuntimeException e) {
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return gone(taskId);
        }
        return collided(e) ? raced(taskId) : e;
    }

    /** A deadlock or serialization failure (SQLSTATE class 40), or an optimistic lock, anywhere in the causes. */
    private static boolean collided(Throwable e) {
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
    private TaskProblem raced(String taskId) {
        Task now = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (now == null) {
            return gone(taskId);
        }
        return now.getAssignee() != null ? claimedBy(now.getAssignee())
                : new TaskProblem(TaskProblem.Kind.CONFLICT, "Someone else changed this task a moment ago: try again");
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

    /** A task as read from the engine's table or its API, with the denial its process carries. */
    private record TaskRow(String id, String name, String key, Instant created, Instant due, int priority,
                           String assignee, String processInstanceId, Long denialId) {
    }

    private List<WorkItem> describe(List<Task> found, String queue, CurrentUser user) {
        Map<String, Long> denialOfProcess = denialIdsOf(found.stream().map(Task::getProcessInstanceId).toList());
        return describeRows(found.stream().map(t -> new TaskRow(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                instant(t.getCreateTime()), instant(t.getDueDate()), t.getPriority(), t.getAssignee(),
                t.getProcessInstanceId(), denialOfProcess.get(t.getProcessInstanceId()))).toList(), queue, user);
    }

    private List<WorkItem> describeRows(List<TaskRow> found, String queue, CurrentUser user) {
        Map<Long, DenialView> byId = denials.findAll(found.stream().map(TaskRow::denialId)
                        .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(DenialView::id, Function.identity()));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return found.stream().map(t -> {
            DenialView d = t.denialId() == null ? null : byId.get(t.denialId());
            return new WorkItem(t.id(), t.name(), t.key(), queue, t.created(), t.due(),
                    t.due() != null && t.due().isBefore(now), t.priority(), t.assignee(),
                    d == null ? null : facts(d, user, today));
        }).toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static DenialFacts facts(DenialView d, CurrentUser user, LocalDate today) {
        Long daysLeft = d.appealDueDate() == null ? null : ChronoUnit.DAYS.between(today, d.appealDueDate());
        if (d.part2() && !user.seesPart2()) {
            return new DenialFacts(d.id(), true, null, null, null, null, null,
                    DenialAccess.RESTRICTED, d.amountAtRisk(), d.appealDueDate(),
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

package org.overturn.worklist;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.overturn.authorization.AuthorizationWatch;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.WorkQueue;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.PracticeAccess;
import org.overturn.security.SqlCondition;
import org.overturn.workflow.ProcessesOfDenials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The tasks of the work queues as billers see them: ordered by priority, with the facts of the denial behind
 * each, Part 2 denials redacted for users who may not see them. Working them is {@link TaskWork}'s.
 */
@Service
public class WorkItems {

    public record QueueSummary(String queue, long open, long overdue, long dueThisWeek, BigDecimal amountAtRisk,
                               boolean member) {
    }

    /** {@code practice}: the practice of the task's denial (DESIGN section 3). */
    public record WorkItem(String taskId, String name, String taskDefinitionKey, String queue, Instant created,
                           Instant due, boolean overdue, int priority, String assignee, DenialFacts denial,
                           PreventionFacts prevention, PracticeRef practice) {
    }

    /**
     * What the authorization watch found behind a task with no denial (prevention); {@code reason} null when it is a
     * Part 2 record the user may not see.
     */
    public record PreventionFacts(long id, String kind, String payerName, String reason, boolean redacted) {
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
    private final OpenTasks open;
    private final Denials denials;
    private final TaskForms forms;
    private final JdbcTemplate jdbc;
    private final RecentFacets recentFacets;
    private final ProcessesOfDenials processesOfDenials;
    private final DenialAccess access;
    private final Clock clock;
    private final AuthorizationWatch authorizationWatch;
    private final Practices practices;
    private final PracticeAccess practiceAccess;
    private final TaskPractices taskPractices;

    WorkItems(TaskService tasks, OpenTasks open, Denials denials, TaskForms forms, JdbcTemplate jdbc,
              RecentFacets recentFacets, ProcessesOfDenials processesOfDenials, DenialAccess access, Clock clock,
              AuthorizationWatch authorizationWatch, Practices practices, PracticeAccess practiceAccess,
              TaskPractices taskPractices) {
        this.taskPractices = taskPractices;
        this.authorizationWatch = authorizationWatch;
        this.practices = practices;
        this.practiceAccess = practiceAccess;
        this.tasks = tasks;
        this.open = open;
        this.denials = denials;
        this.forms = forms;
        this.jdbc = jdbc;
        this.recentFacets = recentFacets;
        this.processesOfDenials = processesOfDenials;
        this.access = access;
        this.clock = clock;
    }

    /** The queues this user may look at, each with its open tasks counted: only those queues' tasks are read. */
    public List<QueueSummary> queues(CurrentUser user) {
        List<String> visible = WorkQueue.ALL.stream().filter(user::canView).toList();
        Map<String, QueueSummary> counted = new HashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp inAWeek = new Timestamp(now.getTime() + ChronoUnit.WEEKS.getDuration().toMillis());
        // workflow_queue_task: the open tasks by queue with their denials' dollars, kept by the engine's task events;
        // only those of the user's practices
        SqlCondition practice = access.practiceCondition(user, "q");
        List<Object> args = new ArrayList<>(List.of(now, now, inAWeek, visible.toArray(String[]::new)));
        args.addAll(practice.args());
        jdbc.query("""
                select queue,
                       count(*) as open,
                       count(*) filter (where due_date < ?) as overdue,
                       count(*) filter (where due_date >= ? and due_date < ?) as due_week,
                       coalesce(sum(amount_at_risk), 0) as at_risk
                  from workflow_queue_task q
                 where queue = any(?)""" + practice.sql() + """
                 group by queue
                """, row -> {
            String queue = row.getString("queue");
            counted.put(queue, new QueueSummary(queue, row.getLong("open"), row.getLong("overdue"),
                    row.getLong("due_week"), row.getBigDecimal("at_risk"), user.queues().contains(queue)));
        }, args.toArray());
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
        // a denial's task, or an authorization-watch task (prevention: no denial yet), which the filters on a
        // denial's facts (root cause, procedure, age) leave out
        var where = new StringBuilder("""
                  from act_ru_task t
                  join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = ?
                  left join workflow_denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  left join denial_report d on d.id = dp.denial_id and d.follows_denial_id is null
                  left join authorization_prevention_report p
                         on dp.denial_id is null and p.process_instance_id = t.proc_inst_id_
                 where ((d.id is not null
                """);
        List<Object> args = new ArrayList<>(List.of(queue));
        // the queue is the scope (checkVisible) within the user's practices; the gate keeps content filters off
        // hidden Part 2 records
        SqlCondition practice = access.practiceCondition(user, "d");
        SqlCondition gate = practice.and(access.contentCondition(user, "d", filter.narrowsByContent()));
        where.append(gate.sql());
        args.addAll(gate.args());
        if (filter.practice() != null) {
            where.append(" and d.practice_id = ?");
            args.add(filter.practice());
        }
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
            where.append(" and exists (select 1 from remittance_line_report s where s.claim_payment_id = d.claim_payment_id"
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
        where.append(") or (p.id is not null");
        // a prevention task is its finding's practice's
        SqlCondition preventionPractice = practice.equals(SqlCondition.NONE) ? SqlCondition.NONE
                : access.practiceCondition(user, "p");
        where.append(preventionPractice.sql());
        args.addAll(preventionPractice.args());
        if (filter.practice() != null) {
            where.append(" and p.practice_id = ?");
            args.add(filter.practice());
        }
        if (!user.seesPart2()) {
            where.append(" and not p.part2");
        }
        if (filter.payer() != null) {
            where.append(" and (p.payer_id = ? or p.payer_name = ?)");
            args.add(filter.payer());
            args.add(filter.payer());
        }
        if (filter.rootCause() != null || filter.cpt() != null || age != null) {
            where.append(" and false");
        }
        where.append("))");
        if (TaskFilter.NOBODY.equals(filter.assignee())) {
            where.append(" and t.assignee_ is null");
        } else if (filter.assignee() != null) {
            where.append(" and t.assignee_ = ?");
            args.add(TaskFilter.ME.equals(filter.assignee()) ? user.id() : filter.assignee());
        }
        // unfiltered and for every practice, every candidate link of the queue is one open task: counted from its
        // index alone
        Long total = filter.equals(TaskFilter.NONE) && practice.equals(SqlCondition.NONE)
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
                        (Long) rs.getObject(9)), pageArgs.toArray());
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
        return recentFacets.of(queue, user.seesPart2(),
                practiceAccess.limitOf(user));
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
        List<String> processes = processesOfDenials.of(denialId);
        if (processes.isEmpty()) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(processes.toArray(String[]::new)).list()) {
            String queue = open.queueOf(task.getId());
            if (user.canView(queue) || user.id().equals(task.getAssignee())) {
                items.add(describe(List.of(task), queue, user).get(0));
            }
        }
        return items;
    }


    public WorkItem task(String taskId, CurrentUser user) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            // reading a task that is done is no conflict: it is simply not there any more
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, open.gone(taskId).getMessage());
        }
        String queue = open.queueOf(taskId);
        if (!user.canView(queue) && !user.id().equals(task.getAssignee())) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "This task is in a queue you are not a member of");
        }
        WorkItem item = describe(List.of(task), queue, user).get(0);
        // a task with no denial (authorization watch, recoupment, claim status) is the practice of what it works
        if (item.denial() != null && !access.inPracticesOf(user, item.denial().id())
                || item.denial() == null && taskPractices.ofProcess(task.getProcessInstanceId())
                        .map(p -> !practiceAccess.works(user, p)).orElse(false)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "This task is for a practice you do not work");
        }
        return item;
    }

    public List<TaskForms.Field> formOf(String taskId, CurrentUser user) {
        WorkItem item = task(taskId, user);
        if (item.denial() != null && item.denial().redacted()) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, DenialAccess.RESTRICTED);
        }
        return forms.fieldsOf(taskId);
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
        Map<String, AuthorizationWatch.Finding> findings = authorizationWatch.byProcess(found.stream()
                .filter(t -> t.denialId() == null).map(TaskRow::processInstanceId).distinct().toList());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<Long, Long> practiceOf = practiceIdsOf(byId.keySet());
        Map<Long, PracticeRef> refs = practiceOf.isEmpty() && findings.isEmpty() ? Map.of() : practices.refs();
        return found.stream().map(t -> {
            DenialView d = t.denialId() == null ? null : byId.get(t.denialId());
            AuthorizationWatch.Finding f = t.denialId() == null ? findings.get(t.processInstanceId()) : null;
            return new WorkItem(t.id(), t.name(), t.key(), queue, t.created(), t.due(),
                    t.due() != null && t.due().isBefore(now), t.priority(), t.assignee(),
                    d == null ? null : facts(d, user, today), f == null ? null : prevention(f, user),
                    d != null ? refs.get(practiceOf.get(d.id())) : f != null ? refs.get(f.practiceId()) : null);
        }).toList();
    }

    private Map<Long, Long> practiceIdsOf(Collection<Long> denialIds) {
        Map<Long, Long> found = new HashMap<>();
        if (!denialIds.isEmpty()) {
            jdbc.query("select id, practice_id from denial_report where id = any(?)",
                    rs -> { found.put(rs.getLong(1), rs.getLong(2)); }, (Object) denialIds.toArray(Long[]::new));
        }
        return found;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static PreventionFacts prevention(AuthorizationWatch.Finding f, CurrentUser user) {
        boolean redacted = f.part2() && !user.seesPart2();
        return new PreventionFacts(f.id(), f.kind().name(), redacted ? null : f.payerName(),
                redacted ? null : f.reason(), redacted);
    }

    private DenialFacts facts(DenialView d, CurrentUser user, LocalDate today) {
        Long daysLeft = d.appealDueDate() == null ? null : ChronoUnit.DAYS.between(today, d.appealDueDate());
        if (access.redacts(user, d.part2())) {
            return new DenialFacts(d.id(), true, null, null, null, null, null,
                    DenialAccess.RESTRICTED, d.amountAtRisk(), d.appealDueDate(),
                    daysLeft, true);
        }
        return new DenialFacts(d.id(), false, d.patientControlNumber(), d.payerName(), d.rootCause().name(),
                d.kind().name(), d.primaryReason(), d.explanation(), d.amountAtRisk(), d.appealDueDate(), daysLeft,
                d.part2());
    }

    private Map<String, Long> denialIdsOf(Collection<String> processInstanceIds) {
        return processesOfDenials.denialsOf(processInstanceIds);
    }
}

package org.overturn.worklist;

import static org.overturn.workflow.DenialLifecycle.Variables.LAST_COMPLETED_BY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.AppealStep;
import org.overturn.denial.DenialAuthorizations;
import org.overturn.denial.Denials;
import org.overturn.denial.HoldHarmless;
import org.overturn.denial.WorkQueue;
import org.overturn.regime.AppealRegime;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.workflow.AppealDeadlineWatch;
import org.overturn.workflow.PayerAnswers;
import org.overturn.workflow.ProcessesOfDenials;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working the tasks of the queues: claiming (one or several), releasing and completing with the form checked on the
 * server, and recording a payer's appeal decision, with the rules of who may work what: a member of the task's
 * queue (or an admin), and, for a Part 2 denial's task, a user with Part 2 access (the access gate).
 */
@Service
public class TaskWork {

    private final TaskService tasks;
    private final OpenTasks open;
    private final TaskForms forms;
    private final Denials denials;
    private final PayerAnswers processes;
    private final ProcessesOfDenials processesOfDenials;
    private final DenialAccess access;
    private final AuditTrail audit;
    private final AppealDeadlines deadlines;
    private final AppealDeadlineWatch watch;
    private final DenialAuthorizations denialAuthorizations;
    private final AuthorizationRegister register;
    private final HoldHarmless holdHarmless;

    private final org.overturn.authorization.AuthorizationWatch authorizationWatch;
    private final org.overturn.security.PracticeAccess practiceAccess;
    private final TaskPractices taskPractices;

    TaskWork(TaskService tasks, OpenTasks open, TaskForms forms, Denials denials, PayerAnswers processes,
             ProcessesOfDenials processesOfDenials, DenialAccess access, AuditTrail audit,
             AppealDeadlines deadlines, AppealDeadlineWatch watch,
             DenialAuthorizations denialAuthorizations,
             AuthorizationRegister register, HoldHarmless holdHarmless,
             org.overturn.authorization.AuthorizationWatch authorizationWatch,
             org.overturn.security.PracticeAccess practiceAccess, TaskPractices taskPractices) {
        this.authorizationWatch = authorizationWatch;
        this.practiceAccess = practiceAccess;
        this.taskPractices = taskPractices;
        this.denialAuthorizations = denialAuthorizations;
        this.register = register;
        this.holdHarmless = holdHarmless;
        this.deadlines = deadlines;
        this.watch = watch;
        this.tasks = tasks;
        this.open = open;
        this.forms = forms;
        this.denials = denials;
        this.processes = processes;
        this.processesOfDenials = processesOfDenials;
        this.access = access;
        this.audit = audit;
    }

    /** What a bulk claim did: tasks now the user's, and why the others were not claimed. */
    public record BulkClaim(int claimed, Map<String, String> refused) {
    }

    public BulkClaim claimAll(Collection<String> taskIds, CurrentUser user) {
        int claimed = 0;
        Map<String, String> refused = new LinkedHashMap<>();
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

    /** Whether this user may claim and complete the task (member of its queue, or admin; Part 2 access for Part 2). */
    public boolean canWork(String taskId, CurrentUser user) {
        try {
            workable(taskId, user);
            return true;
        } catch (TaskProblem refused) {
            return false;
        }
    }

    public void claim(String taskId, CurrentUser user) {
        Task task = workable(taskId, user);
        if (user.id().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw open.claimedBy(task.getAssignee());
        }
        try {
            tasks.claim(taskId, user.id());
        } catch (TaskAlreadyClaimedException e) {
            throw open.claimedBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw open.raced(taskId);
        } catch (RuntimeException e) {
            throw open.goneOr(taskId, e);
        }
    }

    public void unclaim(String taskId, CurrentUser user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.isManagerOrAdmin()) {
            throw open.claimedBy(task.getAssignee());
        }
        try {
            tasks.setAssignee(taskId, null);
        } catch (OptimisticLockingException e) {
            throw open.raced(taskId);
        } catch (RuntimeException e) {
            throw open.goneOr(taskId, e);
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
            throw open.claimedBy(task.getAssignee());
        }
        Long denialId;
        try {
            // inside: another session of the same user may complete the task from here on, and the engine then
            // answers "no such task" to whatever this request asks next (a conflict, not an error)
            denialId = denialIdOf(task);
            Map<String, Object> values = new HashMap<>(forms.validate(taskId, form));
            Long heldHarmless = patientBilledDespiteHoldHarmless(taskId, task, values, user);
            // who completed it; the model keeps what that means for its tasks (who prepared, who approved)
            values.put(LAST_COMPLETED_BY, user.id());
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user.id());
            }
            tasks.complete(taskId, values);
            if (heldHarmless != null) {
                holdHarmless.override(heldHarmless, user.id(), values.get(PATIENT_BILLING_OVERRIDE).toString());
            }
        } catch (TaskProblem e) {
            throw e;
        } catch (TaskAlreadyClaimedException e) {
            throw open.claimedBy(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw open.raced(taskId);
        } catch (RuntimeException e) {
            throw open.goneOr(taskId, e);
        }
        audit.record(AuditAction.TASK_COMPLETED, "task", taskId, task.getTaskDefinitionKey());
        if (org.overturn.workflow.DenialLifecycle.Tasks.FOLLOW_UP_RETRO_AUTHORIZATION.equals(task.getTaskDefinitionKey())
                && "APPROVED".equals(form.get("retroAuthorizationDecision")) && denialId != null) {
            denials.find(denialId).flatMap(denialAuthorizations::claimOf).ifPresent(claim -> register.recordRetroApproval(
                    claim, denials.find(denialId).orElseThrow().payerName(),
                    form.get("retroAuthorizationNumber").toString(), denialId, user));
        }
    }

    private Long denialIdOf(Task task) {
        return tasks.getVariable(task.getId(), "denialId") instanceof Number n ? n.longValue() : null;
    }

    private static final String PATIENT_BILLING_OVERRIDE = "patientBillingOverride";

    /** The outcome field of each task whose choice can bill the patient, and the value that does. */
    private static final Map<String, String> BILLS_PATIENT = Map.of(
            "Task_CorrectClaim", "correctionOutcome", "Task_PrepareAppeal", "appealAction",
            "Task_DecideWriteOff", "writeOffDecision");

    /**
     * Hold-harmless: billing the patient for a contractual (CO) denial is refused unless a manager overrides it with
     * a reason. Answers the denial whose override is to be recorded once the task is completed, else null; an
     * override given where none is needed is refused too, so no reason is recorded for nothing.
     */
    private Long patientBilledDespiteHoldHarmless(String taskId, Task task, Map<String, Object> values,
                                                  CurrentUser user) {
        String outcome = BILLS_PATIENT.get(task.getTaskDefinitionKey());
        boolean overridden = values.containsKey(PATIENT_BILLING_OVERRIDE);
        if (outcome == null || !(tasks.getVariable(taskId, "denialId") instanceof Number id)) {
            return null;
        }
        long denialId = id.longValue();
        boolean billsPatient = "PATIENT".equals(String.valueOf(values.get(outcome)));
        if (!billsPatient || !holdHarmless.protectsPatient(denialId)) {
            if (overridden) {
                throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form", Map.of(
                        PATIENT_BILLING_OVERRIDE, "Only for billing the patient for a contractual (CO) denial"));
            }
            return null;
        }
        if (!overridden) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form", Map.of(outcome,
                    "A contractual (CO) denial is not billable to the patient (hold-harmless); a manager may "
                            + "override it with a reason"));
        }
        if (!user.isManagerOrAdmin()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form", Map.of(
                    PATIENT_BILLING_OVERRIDE, "Only a manager may override the hold-harmless rule"));
        }
        return denialId;
    }

    public void recordAppealDecision(long denialId, String decision, CurrentUser user) {
        recordAppealDecision(denialId, decision, null, user);
    }

    /** With the decision letter's date (not in the future), from which the next level's window counts. */
    public void recordAppealDecision(long denialId, String decision, LocalDate decidedOn,
                                     CurrentUser user) {
        if (!user.canWork(WorkQueue.APPEALS)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the appeals queue record decisions");
        }
        if (!"OVERTURNED".equals(decision) && !"UPHELD".equals(decision)) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form",
                    Map.of("decision", "Decision: choose OVERTURNED or UPHELD"));
        }
        if (decidedOn != null && decidedOn.isAfter(LocalDate.now())) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form",
                    Map.of("decidedOn", "Decision letter date: not after today"));
        }
        denials.find(denialId)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No denial " + denialId));
        access.requireFull(user, denialId);
        if (!processes.recordAppealDecision(denialId, decision, decidedOn, user.id())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Denial " + denialId + " is not waiting for an appeal decision");
        }
        audit.record(AuditAction.TASK_COMPLETED, "denial", String.valueOf(denialId), "appeal decision " + decision);
    }

    /**
     * The payer's decision on a retro authorization the denial's process waits on: APPROVED (with the number the
     * payer gave, which the claim is rebilled with) or DENIED (the denial goes to appeal). Members of the
     * authorizations queue record it.
     */
    @Transactional
    public void recordRetroAuthorizationDecision(long denialId, String decision, String number, CurrentUser user) {
        if (!user.canWork(WorkQueue.AUTHORIZATIONS)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN,
                    "Only members of the authorizations queue record authorization decisions");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"APPROVED".equals(decision) && !"DENIED".equals(decision)) {
            errors.put("decision", "Decision: choose APPROVED or DENIED");
        }
        String approved = number == null ? null : number.strip();
        if ("APPROVED".equals(decision) && (approved == null || approved.isEmpty())) {
            errors.put("number", "Give the authorization number the payer approved");
        } else if (approved != null && approved.length() > 50) {
            errors.put("number", "Authorization number: at most 50 characters");
        }
        if (!errors.isEmpty()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form", errors);
        }
        denials.find(denialId)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No denial " + denialId));
        access.requireFull(user, denialId);
        if (!processes.recordRetroAuthorizationDecision(denialId, decision, approved, user.id())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT,
                    "Denial " + denialId + " is not waiting for a retro authorization decision");
        }
        if ("APPROVED".equals(decision)) {
            // the register learns the number with the decision, so the next claim of that stay is checked against it
            var denial = denials.find(denialId).orElseThrow();
            denialAuthorizations.claimOf(denial).ifPresent(claim ->
                    register.recordRetroApproval(claim, denial.payerName(), approved, denialId, user));
        }
        audit.record(AuditAction.TASK_COMPLETED, "denial", String.valueOf(denialId),
                "retro authorization " + decision);
    }

    /**
     * Takes an appealable denial down another route before its first appeal goes out (a network provider's
     * contractual dispute instead of the member's appeal, or back): level 1 of that regime, its own deadline watched.
     */
    @Transactional
    public AppealStep routeAppeal(long denialId, AppealRegime regime,
                                                      CurrentUser user) {
        if (!user.canWork(WorkQueue.APPEALS)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the appeals queue choose an appeal route");
        }
        if (regime == null) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the form",
                    Map.of("regime", "Route: choose a regime"));
        }
        denials.find(denialId)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No denial " + denialId));
        access.requireFull(user, denialId);
        AppealStep step;
        try {
            step = deadlines.route(denialId, regime);
        } catch (IllegalStateException e) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, e.getMessage());
        }
        watch.watch(denialId, step.level(), step.dueOn());
        audit.record(AuditAction.TASK_COMPLETED, "denial", String.valueOf(denialId), "appeal route " + regime);
        return step;
    }

    /**
     * The task, if this user may claim and complete it: a member of its queue (or admin) who works its denial's
     * practice, and, for a Part 2
     * denial's task, a user who sees Part 2 records (so a manager's approval of a Part 2 appeal needs a manager
     * with Part 2 access, or an admin).
     */
    private Task workable(String taskId, CurrentUser user) {
        Task task = open.find(taskId);
        String queue = open.queueOf(taskId);
        if (!user.canWork(queue) && !open.candidateGroups(taskId).stream().anyMatch(user.queues()::contains)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Only members of the " + queue + " queue work this task");
        }
        Long denialId = processesOfDenials.denialsOf(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        if (denialId != null && !access.inPracticesOf(user, denialId)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "This task is for a practice you do not work");
        }
        if (denialId != null && access.levelOf(user, denialId) == DenialAccess.Level.REDACTED) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, DenialAccess.RESTRICTED
                    + ": only users with Part 2 access work its tasks");
        }
        // a task with no denial (authorization watch, recoupment, claim status) is the practice of what it works
        if (denialId == null && taskPractices.ofProcess(task.getProcessInstanceId())
                .map(p -> !practiceAccess.works(user, p)).orElse(false)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "This task is for a practice you do not work");
        }
        // an authorization-watch task (no denial) about substance-use services is as restricted
        if (denialId == null && !user.seesPart2() && tasks.getVariable(taskId, "preventionId") instanceof Number p
                && authorizationWatch.find(p.longValue()).map(f -> f.part2()).orElse(false)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, DenialAccess.RESTRICTED
                    + ": only users with Part 2 access work its tasks");
        }
        return task;
    }
}

package org.overturn.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.overturn.denial.AppealStep;
import org.overturn.regime.AppealRegime;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queues and tasks: {@code /api/queues}, {@code /api/queues/{queue}/tasks}, {@code /api/tasks/{id}/...}. */
@RestController
@RequestMapping("/api")
class WorkController {

    private final WorkItems work;
    private final TaskWork taskWork;
    private final AuditTrail audit;

    WorkController(WorkItems work, TaskWork taskWork, AuditTrail audit) {
        this.work = work;
        this.taskWork = taskWork;
        this.audit = audit;
    }

    @GetMapping("/queues")
    List<WorkItems.QueueSummary> queues(Authentication user) {
        return work.queues(CurrentUser.of(user));
    }

    @GetMapping("/queues/{queue}/tasks")
    WorkItems.ItemPage tasks(@PathVariable String queue, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size,
                             @RequestParam(required = false) String payer,
                             @RequestParam(required = false) String rootCause,
                             @RequestParam(required = false) String cpt,
                             @RequestParam(required = false) String age,
                             @RequestParam(required = false) String assignee,
                             @RequestParam(required = false) String sort,
                             @RequestParam(required = false) Long practice, Authentication user) {
        return work.tasksOf(queue, CurrentUser.of(user),
                TaskFilter.of(payer, rootCause, cpt, age, assignee, sort, practice),
                Math.max(page, 0), Math.min(Math.max(size, 1), 200));
    }

    @GetMapping("/tasks/{id}")
    WorkItems.WorkItem task(@PathVariable String id, Authentication user) {
        return work.task(id, CurrentUser.of(user));
    }

    @GetMapping("/tasks/{id}/form")
    List<TaskForms.Field> form(@PathVariable String id, Authentication user) {
        return work.formOf(id, CurrentUser.of(user));
    }

    @PostMapping("/tasks/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id, Authentication user) {
        taskWork.claim(id, CurrentUser.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tasks/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id, Authentication user) {
        taskWork.unclaim(id, CurrentUser.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tasks/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> form,
                                  Authentication user) {
        taskWork.complete(id, form == null ? Map.of() : form, CurrentUser.of(user));
        return ResponseEntity.noContent().build();
    }

    record AppealDecision(String decision, LocalDate decidedOn) {
    }

    /**
     * The payer's decision letter on an appeal, recorded by a biller: OVERTURNED or UPHELD, and optionally the
     * letter's date, from which the next level's window counts.
     */
    @PostMapping("/denials/{id}/appeal-decision")
    ResponseEntity<Void> appealDecision(@PathVariable long id, @RequestBody AppealDecision body, Authentication user) {
        taskWork.recordAppealDecision(id, body == null ? null : body.decision(),
                body == null ? null : body.decidedOn(), CurrentUser.of(user));
        return ResponseEntity.noContent().build();
    }

    record RetroAuthorizationDecision(String decision, String number) {
    }

    /** The payer's decision on a retro authorization: APPROVED with the new number, or DENIED. */
    @PostMapping("/denials/{id}/retro-authorization-decision")
    ResponseEntity<Void> retroAuthorizationDecision(@PathVariable long id,
                                                    @RequestBody RetroAuthorizationDecision body,
                                                    Authentication user) {
        taskWork.recordRetroAuthorizationDecision(id, body == null ? null : body.decision(),
                body == null ? null : body.number(), CurrentUser.of(user));
        return ResponseEntity.noContent().build();
    }

    record AppealRoute(AppealRegime regime) {
    }

    /**
     * Takes the denial down another appeal route before its first appeal goes out, e.g. {@code PROVIDER_DISPUTE}
     * (a network provider's contractual dispute) instead of the member's appeal; answers the new appeal step.
     */
    @PostMapping("/denials/{id}/appeal-route")
    AppealStep appealRoute(@PathVariable long id, @RequestBody AppealRoute body,
                                               Authentication user) {
        return taskWork.routeAppeal(id, body == null ? null : body.regime(), CurrentUser.of(user));
    }

    record Problem(int status, String error, Map<String, String> fields) {
    }

    @ExceptionHandler(TaskProblem.class)
    ResponseEntity<Problem> problem(TaskProblem problem, jakarta.servlet.http.HttpServletRequest request) {
        if (problem.kind() == TaskProblem.Kind.FORBIDDEN) {
            audit.record(AuditAction.ACCESS_REFUSED, "task", null,
                    request.getMethod() + " " + request.getRequestURI() + ": " + problem.getMessage());
        }
        HttpStatus status = switch (problem.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new Problem(status.value(), problem.getMessage(),
                problem.fieldErrors()));
    }
}

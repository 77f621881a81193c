package org.overturn.recoupment;

import java.util.List;
import java.util.Map;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * Recoupments over REST: list them, accept or dispute one (patient accounts), record the payer's answer to a
 * dispute (appeals). The same steps are tasks in those queues.
 */
@RestController
@RequestMapping("/api/recoupments")
class RecoupmentController {

    static final String PATIENT_ACCOUNTS = "patient-accounts";
    static final String APPEALS = "appeals";

    private final Recoupments recoupments;

    RecoupmentController(Recoupments recoupments) {
        this.recoupments = recoupments;
    }

    record DecisionRequest(Recoupments.Decision decision, String note) {
    }

    record OutcomeRequest(Recoupments.DisputeOutcome outcome, String note) {
    }

    @GetMapping
    List<Recoupment> list(@RequestParam(required = false) RecoupmentStatus status,
                          @RequestParam(required = false) String payer, Authentication authentication) {
        CurrentUser user = allowed(CurrentUser.of(authentication), PATIENT_ACCOUNTS, false);
        return recoupments.list(status, payer, user);
    }

    @GetMapping("/{id}")
    Recoupment one(@PathVariable long id, Authentication authentication) {
        CurrentUser user = allowed(CurrentUser.of(authentication), PATIENT_ACCOUNTS, false);
        return recoupments.find(id, user).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/decision")
    Recoupment decide(@PathVariable long id, @RequestBody DecisionRequest request, Authentication authentication) {
        CurrentUser user = allowed(CurrentUser.of(authentication), PATIENT_ACCOUNTS, true);
        if (request.decision() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "decision is ACCEPT or DISPUTE");
        }
        recoupments.find(id, user).orElseThrow(() -> notFound(id));
        recoupments.decide(id, request.decision(), request.note(), user.id());
        return recoupments.find(id, user).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/dispute-outcome")
    Recoupment outcome(@PathVariable long id, @RequestBody OutcomeRequest request, Authentication authentication) {
        CurrentUser user = allowed(CurrentUser.of(authentication), APPEALS, true);
        if (request.outcome() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "outcome is REVERSED or UPHELD");
        }
        recoupments.find(id, user).orElseThrow(() -> notFound(id));
        recoupments.recordDisputeOutcome(id, request.outcome(), request.note(), user.id());
        return recoupments.find(id, user).orElseThrow(() -> notFound(id));
    }

    @ExceptionHandler(Recoupments.NotAtThatStep.class)
    ResponseEntity<Map<String, String>> notAtThatStep(Recoupments.NotAtThatStep e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    private static CurrentUser allowed(CurrentUser user, String queue, boolean work) {
        if (work ? !user.canWork(queue) : !user.canView(queue)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not a member of the " + queue + " queue");
        }
        return user;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No recoupment " + id);
    }
}

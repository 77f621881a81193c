package org.overturn.underpayment;

import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/underpayments?status=&practiceId=}: the lines paid below contract of the user's practices, newest
 * first; {@code POST /api/underpayments/{id}} with {@code {"status": "DISPUTED" | "RECOVERED" | "ACCEPTED"}} records
 * where its dispute stands (appeals queue, managers, admins).
 */
@RestController
@RequestMapping("/api/underpayments")
@PreAuthorize("hasAnyRole('biller', 'manager', 'admin')")
class UnderpaymentController {

    record Move(UnderpaymentStatus status) {
    }

    private final Underpayments underpayments;

    UnderpaymentController(Underpayments underpayments) {
        this.underpayments = underpayments;
    }

    @GetMapping
    List<Underpayment> list(@RequestParam(required = false) UnderpaymentStatus status,
                            @RequestParam(required = false) Long practiceId,
                            @RequestParam(defaultValue = "200") int limit, Authentication user) {
        return underpayments.list(CurrentUser.of(user), status, practiceId, Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/{id}")
    ResponseEntity<?> move(@PathVariable long id, @RequestBody Move move, Authentication user) {
        if (move == null || move.status() == null) {
            return problem(HttpStatus.BAD_REQUEST, "Say the status: DISPUTED, RECOVERED or ACCEPTED");
        }
        return ResponseEntity.ok(underpayments.move(id, move.status(), CurrentUser.of(user)));
    }

    @ExceptionHandler(Underpayments.NotOnFile.class)
    ResponseEntity<?> notOnFile(Underpayments.NotOnFile e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<?> conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<?> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}

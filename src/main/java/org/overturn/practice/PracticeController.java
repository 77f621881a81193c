package org.overturn.practice;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/practices}: the practices a user works (every one for admins); admins confirm a PENDING practice,
 * change one (letterhead, NPIs, contact) and say which practices each user works.
 */
@RestController
@RequestMapping("/api/practices")
class PracticeController {

    private final Practices practices;
    private final PracticeAccess access;

    PracticeController(Practices practices, PracticeAccess access) {
        this.practices = practices;
        this.access = access;
    }

    @GetMapping
    List<Practice> mine(Authentication authentication) {
        return practices.of(CurrentUser.of(authentication));
    }

    @GetMapping("/{id}")
    Practice one(@PathVariable long id, Authentication authentication) {
        access.require(CurrentUser.of(authentication), id, "practice", id);
        return practices.find(id).orElseThrow(() -> new NoSuchElementException("No practice " + id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    Practice change(@PathVariable long id, @RequestBody PracticeChange change) {
        return practices.change(id, change);
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("hasRole('admin')")
    Practice confirm(@PathVariable long id, Authentication authentication) {
        return practices.confirm(id, authentication.getName());
    }

    @GetMapping("/assignments")
    @PreAuthorize("hasRole('admin')")
    List<PracticeAssignment> assignments() {
        return practices.assignments();
    }

    /** Body: {@code {"everyPractice": false, "practiceIds": [1, 3]}}; the user id is the path's. */
    @PutMapping("/assignments/{userId}")
    @PreAuthorize("hasRole('admin')")
    PracticeAssignment assign(@PathVariable String userId, @RequestBody PracticeAssignment assignment) {
        return practices.assign(new PracticeAssignment(userId, assignment.everyPractice(), assignment.practiceIds()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("error", e.getMessage()));
    }
}

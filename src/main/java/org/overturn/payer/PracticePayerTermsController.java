package org.overturn.payer;

import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/practices/{id}/payer-terms/{payerId}}: a practice's own terms with a payer (appeal windows,
 * timely filing and its clock, dispute window, contracted rates), for managers of that practice and admins. A PUT
 * replaces them all; a body of nulls and no rates goes back to the directory's terms.
 */
@RestController
@PreAuthorize(PayerController.EDITORS)
class PracticePayerTermsController {

    /** The body of a PUT: the practice and payer come from the path. */
    record Change(Integer appealLimitDays, Integer secondLevelAppealLimitDays, Integer thirdLevelAppealLimitDays,
                  Integer timelyFilingDays, CorrectedClaimClock correctedClaimClock, Integer providerDisputeDays,
                  List<ContractedRate> contractedRates) {
    }

    private final PracticeContracts contracts;
    private final PayerDirectory directory;
    private final PracticeAccess access;

    PracticePayerTermsController(PracticeContracts contracts, PayerDirectory directory, PracticeAccess access) {
        this.contracts = contracts;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/api/practices/{id}/payer-terms")
    ResponseEntity<?> all(@PathVariable long id, Authentication user) {
        if (!contracts.practiceExists(id)) {
            return noPractice(id);
        }
        access.require(CurrentUser.of(user), id, "practice", id);
        return ResponseEntity.ok(contracts.ofPractice(id));
    }

    @GetMapping("/api/practices/{id}/payer-terms/{payerId}")
    ResponseEntity<?> one(@PathVariable long id, @PathVariable String payerId, Authentication user) {
        if (!contracts.practiceExists(id)) {
            return noPractice(id);
        }
        access.require(CurrentUser.of(user), id, "practice", id);
        if (directory.profile(payerId).isEmpty()) {
            return noPayer(payerId);
        }
        return ResponseEntity.ok(contracts.find(id, payerId).orElse(PracticePayerTerms.none(id, payerId)));
    }

    @PutMapping("/api/practices/{id}/payer-terms/{payerId}")
    ResponseEntity<?> save(@PathVariable long id, @PathVariable String payerId, @RequestBody Change change,
                           Authentication user) {
        // an unknown practice is not found (it used to fail on the foreign key with a 500)
        if (!contracts.practiceExists(id)) {
            return noPractice(id);
        }
        access.require(CurrentUser.of(user), id, "practice", id);
        if (directory.profile(payerId).isEmpty()) {
            return noPayer(payerId);
        }
        return ResponseEntity.ok(contracts.save(new PracticePayerTerms(id, payerId, change.appealLimitDays(),
                change.secondLevelAppealLimitDays(), change.thirdLevelAppealLimitDays(), change.timelyFilingDays(),
                change.correctedClaimClock(), change.providerDisputeDays(), change.contractedRates(), null, null),
                user.getName()));
    }

    private static ResponseEntity<?> noPractice(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new PayerController.Problem(404, "No practice with id " + id, Map.of()));
    }

    private static ResponseEntity<?> noPayer(String payerId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new PayerController.Problem(404, "No payer with id " + payerId, Map.of()));
    }

    @ExceptionHandler(InvalidTerms.class)
    ResponseEntity<PayerController.Problem> invalid(InvalidTerms invalid) {
        return ResponseEntity.badRequest().body(new PayerController.Problem(400, invalid.getMessage(),
                invalid.fieldErrors()));
    }

    /**
     * A body that is not JSON, or a value of the wrong type (a date that is no date, an amount that is no number, a
     * clock that is not one of the two): 400 naming the field, rather than the container's bare error.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<PayerController.Problem> unreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b);
            String expected = mapping instanceof InvalidFormatException format ? expected(format.getTargetType())
                    : "a value of the right kind";
            return ResponseEntity.badRequest().body(new PayerController.Problem(400,
                    field + ": expected " + expected, Map.of(field, "expected " + expected)));
        }
        return ResponseEntity.badRequest().body(new PayerController.Problem(400,
                "The body is not the JSON of a practice's terms", Map.of()));
    }

    private static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }
}

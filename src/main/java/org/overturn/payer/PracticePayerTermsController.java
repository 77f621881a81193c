package org.overturn.payer;

import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.springframework.http.HttpStatus;
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
    List<PracticePayerTerms> all(@PathVariable long id, Authentication user) {
        access.require(CurrentUser.of(user), id, "practice", id);
        return contracts.ofPractice(id);
    }

    @GetMapping("/api/practices/{id}/payer-terms/{payerId}")
    ResponseEntity<?> one(@PathVariable long id, @PathVariable String payerId, Authentication user) {
        access.require(CurrentUser.of(user), id, "practice", id);
        if (directory.profile(payerId).isEmpty()) {
            return noPayer(payerId);
        }
        return ResponseEntity.ok(contracts.find(id, payerId).orElse(PracticePayerTerms.none(id, payerId)));
    }

    @PutMapping("/api/practices/{id}/payer-terms/{payerId}")
    ResponseEntity<?> save(@PathVariable long id, @PathVariable String payerId, @RequestBody Change change,
                           Authentication user) {
        access.require(CurrentUser.of(user), id, "practice", id);
        if (directory.profile(payerId).isEmpty()) {
            return noPayer(payerId);
        }
        return ResponseEntity.ok(contracts.save(new PracticePayerTerms(id, payerId, change.appealLimitDays(),
                change.secondLevelAppealLimitDays(), change.thirdLevelAppealLimitDays(), change.timelyFilingDays(),
                change.correctedClaimClock(), change.providerDisputeDays(), change.contractedRates(), null, null),
                user.getName()));
    }

    private static ResponseEntity<?> noPayer(String payerId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new PayerController.Problem(404, "No payer with id " + payerId, Map.of()));
    }

    @ExceptionHandler(InvalidPayer.class)
    ResponseEntity<PayerController.Problem> invalid(InvalidPayer invalid) {
        return ResponseEntity.badRequest().body(new PayerController.Problem(400, invalid.getMessage(),
                invalid.fieldErrors()));
    }
}

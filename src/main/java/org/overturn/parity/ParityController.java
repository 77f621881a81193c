package org.overturn.parity;

import java.util.List;
import java.util.Map;
import org.overturn.denial.Denials;
import org.overturn.security.AccessRefused;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Parity over the API: a denial's screen and case, recording the plan's answer, the list of cases, and the
 * payer facts the screen compares against. Parity specialists, managers and admins only; a Part 2 denial's
 * parity record only for users with Part 2 access.
 */
@RestController
@RequestMapping("/api")
class ParityController {

    /** A denial's parity picture: the screen (null before the denial went to appeal) and its case, if any. */
    record DenialParity(long denialId, ScreenResult screen, ParityCases.ParityCase parityCase) {
    }

    private final ParityScreen screen;
    private final ParityCases cases;
    private final PayerParityFacts facts;
    private final Denials denials;

    private final DenialAccess access;
    private final ParityAuthorizations authorizations;
    private final ParityKpis kpis;
    private final org.overturn.security.PracticeAccess practices;

    ParityController(ParityScreen screen, ParityCases cases, PayerParityFacts facts, Denials denials,
                     DenialAccess access, ParityAuthorizations authorizations, ParityKpis kpis,
                     org.overturn.security.PracticeAccess practices) {
        this.practices = practices;
        this.authorizations = authorizations;
        this.kpis = kpis;
        this.access = access;
        this.screen = screen;
        this.cases = cases;
        this.facts = facts;
        this.denials = denials;
    }

    @GetMapping("/denials/{id}/parity")
    DenialParity denial(@PathVariable long id, Authentication authentication) {
        readable(id, CurrentUser.of(authentication));
        return new DenialParity(id, screen.resultOf(id).orElse(null), cases.caseOf(id).orElse(null));
    }

    @PostMapping("/denials/{id}/parity/analysis-received")
    ResponseEntity<?> analysisReceived(@PathVariable long id, @RequestBody Map<String, String> body,
                                       Authentication authentication) {
        CurrentUser user = specialist(authentication);
        readable(id, user);
        String summary = body.getOrDefault("summary", "").strip();
        if (summary.isEmpty() || summary.length() > 2000) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
                    "fields", Map.of("summary", "Say what the plan sent (at most 2,000 characters)")));
        }
        try {
            cases.analysisReceived(id, summary);
        } catch (IllegalStateException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", "Conflict",
                    "message", e.getMessage()));
        }
        return ResponseEntity.ok(cases.caseOf(id).orElseThrow());
    }

    /** The body of a patient's authorization: who signed, when, what it covers, the signed document. */
    record AuthorizationBody(String signedBy, java.time.LocalDate signedOn, ParityAuthorizations.Scope scope,
                             String document, java.time.LocalDate expiresOn) {
    }

    @GetMapping("/denials/{id}/parity/authorizations")
    List<ParityAuthorizations.Authorization> authorizations(@PathVariable long id, Authentication authentication) {
        CurrentUser user = specialist(authentication);
        readable(id, user);
        return authorizations.all(id);
    }

    /** Records the patient's authorization: letters after it go out as the patient's authorized representative. */
    @PostMapping("/denials/{id}/parity/authorizations")
    ResponseEntity<?> authorize(@PathVariable long id, @RequestBody AuthorizationBody body,
                                Authentication authentication) {
        CurrentUser user = specialist(authentication);
        readable(id, user);
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(authorizations.record(id, body.signedBy(),
                    body.signedOn(), body.scope(), body.document(), body.expiresOn(), user.id()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
                    "message", e.getMessage()));
        }
    }

    /** The patient revoked the authorization: later letters go out in the practice's own name. */
    @org.springframework.web.bind.annotation.DeleteMapping("/denials/{id}/parity/authorizations")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
        CurrentUser user = specialist(authentication);
        readable(id, user);
        authorizations.revoke(id);
        return ResponseEntity.noContent().build();
    }

    /** Records that the plan corrected the limitation (reprocessed the claim or changed its rule). */
    @PostMapping("/denials/{id}/parity/corrected")
    ResponseEntity<?> corrected(@PathVariable long id, @RequestBody Map<String, String> body,
                                Authentication authentication) {
        CurrentUser user = specialist(authentication);
        readable(id, user);
        try {
            String on = body.get("correctedOn");
            cases.corrected(id, on == null ? null : java.time.LocalDate.parse(on), body.get("note"));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
                    "message", e.getMessage()));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", "Not Found",
                    "message", e.getMessage()));
        }
        return ResponseEntity.ok(cases.caseOf(id).orElseThrow());
    }

    @GetMapping("/parity/outcomes")
    List<ParityKpis.Outcome> outcomes(@RequestParam(required = false) String payerId, Authentication authentication) {
        CurrentUser user = specialist(authentication);
        return kpis.outcomes(payerId, practices.limitOf(user));
    }

    @GetMapping("/parity/cases")
    List<ParityCases.ParityCase> list(@RequestParam(defaultValue = "false") boolean open,
                                      Authentication authentication) {
        return cases.list(specialist(authentication), access, open, 500);
    }

    @GetMapping("/payers/{payerId}/parity-facts")
    ParityFacts facts(@PathVariable String payerId, Authentication authentication) {
        specialist(authentication);
        return facts.of(payerId);
    }

    @PutMapping("/payers/{payerId}/parity-facts")
    ResponseEntity<?> saveFacts(@PathVariable String payerId, @RequestBody ParityFacts body,
                                Authentication authentication) {
        CurrentUser user = specialist(authentication);
        try {
            return ResponseEntity.ok(facts.save(new ParityFacts(payerId, orUnknown(body.paForMedicalOutpatient()),
                    orUnknown(body.concurrentReviewForMedical()), orUnknown(body.visitLimitsForMedical()),
                    body.funding() == null ? ParityFacts.Funding.UNKNOWN : body.funding(), body.state(),
                    body.smallEmployer(), body.governmentOptOut(), body.stepTherapyForMedical(),
                    body.telehealthLimitsForMedical(), body.reviewDaysBehavioral(), body.reviewDaysMedical(),
                    body.ratePercentBehavioral(), body.ratePercentMedical(), body.financial()), user.id()));
        } catch (IllegalArgumentException | org.springframework.dao.DataIntegrityViolationException e) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request", "message",
                    e instanceof IllegalArgumentException ? e.getMessage() : "No payer " + payerId + " in the directory"));
        }
    }

    private static ParityFacts.Answer orUnknown(ParityFacts.Answer answer) {
        return answer == null ? ParityFacts.Answer.UNKNOWN : answer;
    }

    private static CurrentUser specialist(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.hasRole(Roles.PARITY_SPECIALIST) && !user.isManagerOrAdmin()) {
            throw new AccessRefused("parity", null, "Parity specialists, managers and admins only");
        }
        return user;
    }

    private void readable(long denialId, CurrentUser user) {
        denials.find(denialId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No denial " + denialId));
        access.requireFull(user, denialId);
    }
}

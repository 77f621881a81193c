package org.overturn.part2;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Part 2 programs for admins ({@code /api/part2/programs}) and patient consents for users allowed to see Part 2
 * records ({@code /api/denials/{id}/consents}, {@code /api/consents/{id}/revoke}): who may see a Part 2
 * denial in their scope (the access gate) may see and record its patient's consents.
 */
@RestController
@RequestMapping("/api")
class Part2Controller {

    private static final String SEES_PART2 = "hasAnyRole('part2', 'admin')";

    record ProgramForm(String npi, String name) {
    }

    record ConsentForm(LocalDate signedOn, LocalDate expiresOn, String purpose) {
    }

    /**
     * The consents of a denial's patient (any payer), and which of them, if any, lets the denial's Part 2
     * information go to its payer today.
     */
    record DenialConsents(long denialId, String payerId, Long validConsentId, List<Consent> consents) {
    }

    record Problem(int status, String error, Map<String, String> fields) {
    }

    private final Part2Programs programs;
    private final PatientConsents consents;

    private final DenialAccess access;

    Part2Controller(Part2Programs programs, PatientConsents consents, DenialAccess access) {
        this.access = access;
        this.programs = programs;
        this.consents = consents;
    }

    @GetMapping("/part2/programs")
    @PreAuthorize("hasRole('admin')")
    List<Part2Program> programs() {
        return programs.all();
    }

    @PostMapping("/part2/programs")
    @PreAuthorize("hasRole('admin')")
    Part2Program flag(@RequestBody ProgramForm form, Authentication user) {
        programs.flag(form.npi(), form.name(), user.getName());
        return programs.find(form.npi().trim()).orElseThrow();
    }

    @DeleteMapping("/part2/programs/{npi}")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<Void> unflag(@PathVariable String npi, Authentication user) {
        programs.unflag(npi, user.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/denials/{id}/consents")
    @PreAuthorize(SEES_PART2)
    DenialConsents consentsOf(@PathVariable long id, Authentication user) {
        var patient = consents.patientOf(id)
                .orElseThrow(() -> new Part2Problem(Part2Problem.Kind.NOT_FOUND, "No denial " + id));
        access.requireFull(CurrentUser.of(user), id);
        return new DenialConsents(id, patient.payerId(), consents.validForDenial(id).map(Consent::id).orElse(null),
                consents.forDenial(id));
    }

    @PostMapping("/denials/{id}/consents")
    @PreAuthorize(SEES_PART2)
    ResponseEntity<Consent> record(@PathVariable long id, @RequestBody ConsentForm form, Authentication user) {
        consents.patientOf(id).orElseThrow(() -> new Part2Problem(Part2Problem.Kind.NOT_FOUND, "No denial " + id));
        access.requireFull(CurrentUser.of(user), id);
        Consent consent = consents.recordForDenial(id, form.purpose(), form.signedOn(), form.expiresOn(),
                user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(consent);
    }

    @PostMapping("/consents/{id}/revoke")
    @PreAuthorize(SEES_PART2)
    Consent revoke(@PathVariable long id, Authentication user) {
        consents.revoke(id, user.getName());
        return consents.find(id).orElseThrow();
    }

    @ExceptionHandler(Part2Problem.class)
    ResponseEntity<Problem> problem(Part2Problem problem) {
        HttpStatus status = problem.kind() == Part2Problem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new Problem(status.value(), problem.getMessage(),
                problem.fieldErrors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new Problem(400,
                "Send a JSON object; dates as YYYY-MM-DD", Map.of()));
    }
}

package org.overturn.part2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Part 2 programs for admins ({@code /api/part2/programs}) and patient consents for users allowed to see Part 2
 * records ({@code /api/denials/{id}/consents}, {@code /api/consents/{id}/revoke}): who may see a Part 2
 * denial in their scope (the access gate) may see and record its patient's consents. The accounting of disclosures
 * ({@code /api/part2/disclosures}, {@code .csv}, {@code /api/denials/{id}/disclosures}) is for admins, audited.
 */
@RestController
@RequestMapping("/api")
class Part2Controller {

    private static final String SEES_PART2 = "hasAnyRole('part2', 'admin')";

    record ProgramForm(String npi, String name) {
    }

    /**
     * A signed form as entered for a denial: the recipient defaults to the denial's payer, who discloses to the program
     * paid for the claim, the patient's name to the claim's (42 CFR 2.31(a) elements).
     */
    record ConsentForm(LocalDate signedOn, LocalDate expiresOn, String expiryEvent, String purpose, String information,
                       String discloser, String signedBy, LocalDate patientBirthDate, Recipient.Kind recipientKind,
                       String recipientId, String recipientName, boolean generalDesignation) {

        ConsentTerms terms() {
            Recipient recipient = recipientKind == null && recipientId == null && recipientName == null ? null
                    : new Recipient(recipientKind == null ? Recipient.Kind.PAYER : recipientKind, recipientId,
                            recipientName);
            return new ConsentTerms(null, null, patientBirthDate, null, discloser, information, recipient,
                    generalDesignation, purpose, expiresOn, expiryEvent, signedBy, signedOn);
        }
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
    private final Disclosures disclosures;
    private final AuditTrail audit;

    private final DenialAccess access;

    Part2Controller(Part2Programs programs, PatientConsents consents, DenialAccess access, Disclosures disclosures,
                    AuditTrail audit) {
        this.access = access;
        this.disclosures = disclosures;
        this.audit = audit;
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
        Consent consent = consents.recordForDenial(id, form.terms(), user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(consent);
    }

    @PostMapping("/consents/{id}/revoke")
    @PreAuthorize(SEES_PART2)
    Consent revoke(@PathVariable long id, Authentication user) {
        consents.revoke(id, user.getName());
        return consents.find(id).orElseThrow();
    }

    /**
     * The accounting of disclosures of one patient (42 CFR 2.25(a)), by name and date of birth, from a day on
     * (three years back when not given): for admins, who answer the patient's request.
     */
    @GetMapping("/part2/disclosures")
    @PreAuthorize("hasRole('admin')")
    List<Disclosures.Disclosure> accounting(@RequestParam String lastName, @RequestParam String firstName,
                                            @RequestParam(required = false) LocalDate birthDate,
                                            @RequestParam(required = false) LocalDate from) {
        var rows = disclosures.ofPatient(lastName, firstName, birthDate, fromOrThreeYears(from));
        audit.record(AuditAction.VIEW, "part2-accounting", "patient", rows.size() + " disclosure(s) listed");
        return rows;
    }

    /** The same accounting as a CSV file, to hand to the patient. */
    @GetMapping("/part2/disclosures.csv")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<byte[]> accountingCsv(@RequestParam String lastName, @RequestParam String firstName,
                                         @RequestParam(required = false) LocalDate birthDate,
                                         @RequestParam(required = false) LocalDate from) throws IOException {
        var rows = disclosures.ofPatient(lastName, firstName, birthDate, fromOrThreeYears(from));
        audit.record(AuditAction.EXPORT, "part2-accounting", "patient", rows.size() + " disclosure(s) exported");
        return csv(rows, "part2-disclosures.csv");
    }

    /** The accounting of the patient of a denial, as JSON or (with {@code format=csv}) a CSV file. */
    @GetMapping("/denials/{id}/disclosures")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<?> accountingOfDenial(@PathVariable long id, @RequestParam(defaultValue = "json") String format)
            throws IOException {
        var rows = disclosures.ofPatientOf(id);
        boolean csv = "csv".equalsIgnoreCase(format);
        audit.record(csv ? AuditAction.EXPORT : AuditAction.VIEW, "part2-accounting", String.valueOf(id),
                rows.size() + " disclosure(s) of the denial's patient");
        return csv ? csv(rows, "part2-disclosures-denial-" + id + ".csv") : ResponseEntity.ok(rows);
    }

    private static LocalDate fromOrThreeYears(LocalDate from) {
        // 2.25(a): the disclosures of the three years before the request, or a shorter period the patient chooses
        return from != null ? from : LocalDate.now().minusYears(3);
    }

    private static ResponseEntity<byte[]> csv(List<Disclosures.Disclosure> rows, String fileName) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("disclosed_at",
                "recipient_kind", "recipient", "recipient_id", "address", "information", "purpose", "consent_id",
                "denial_id", "patient_last_name", "patient_first_name", "patient_birth_date", "disclosed_by")
                .get())) {
            for (Disclosures.Disclosure d : rows) {
                printer.printRecord(d.disclosedAt(), d.recipientKind(), d.recipientName(), d.recipientId(),
                        d.address(), d.information(), d.purpose(), d.consentId(), d.denialId(), d.patientLastName(),
                        d.patientFirstName(), d.patientBirthDate(), d.disclosedBy());
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(Part2Problem.class)
    ResponseEntity<Problem> problem(Part2Problem problem) {
        HttpStatus status = problem.kind() == Part2Problem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new Problem(status.value(), problem.getMessage(),
                problem.fieldErrors()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Problem> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new Problem(400, e.getMessage(), Map.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new Problem(400,
                "Send a JSON object; dates as YYYY-MM-DD", Map.of()));
    }
}

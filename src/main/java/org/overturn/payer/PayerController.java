package org.overturn.payer;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The payer directory: {@code GET /api/payers}, {@code GET|PUT /api/payers/{id}}, {@code GET
 * /api/payers/export.xlsx}, {@code POST /api/payers/import}. Anyone signed in reads; managers and admins change.
 */
@RestController
@RequestMapping("/api/payers")
class PayerController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String EDITORS = "hasAnyRole('manager', 'admin')";

    record Problem(int status, String error, Map<String, String> fields) {
    }

    record ImportProblem(String sheet, int row, String column, String message, String text) {
        static ImportProblem of(PayerWorkbook.Problem p) {
            return new ImportProblem(p.sheet(), p.row(), p.column(), p.message(), p.text());
        }
    }

    record ImportRefused(int status, String error, List<ImportProblem> problems) {
    }

    record ImportDone(int created, int updated) {
    }

    private final PayerDirectory directory;
    private final PayerEdits edits;

    PayerController(PayerDirectory directory, PayerEdits edits) {
        this.directory = directory;
        this.edits = edits;
    }

    @GetMapping
    List<PayerProfile> all() {
        return directory.all();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return directory.profile(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new Problem(404, "No payer with id " + id, Map.of())));
    }

    @GetMapping("/{id}/appeal-terms")
    ResponseEntity<?> appealTerms(@PathVariable String id) {
        return directory.profile(id).<ResponseEntity<?>>map(p -> ResponseEntity.ok(directory.appealTerms(id)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new Problem(404, "No payer with id " + id, Map.of())));
    }

    /** Sets how the payer's plans are funded, whether it is a Medicaid managed-care plan, its dispute window. */
    @PutMapping("/{id}/appeal-terms")
    @PreAuthorize(EDITORS)
    ResponseEntity<?> routeAppeals(@PathVariable String id, @RequestBody PayerAppealTerms terms,
                                   Authentication user) {
        return directory.routeAppeals(id, terms, user.getName()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new Problem(404, "No payer with id " + id, Map.of())));
    }

    /** Creates (201) or replaces (200) the payer; blank appeal and timely-filing limits take the plan type's. */
    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    ResponseEntity<PayerProfile> save(@PathVariable String id, @RequestBody PayerDraft draft,
                                      Authentication user) {
        var saved = edits.save(id, draft, user.getName());
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/payers/" + UriUtils.encodePathSegment(id, UTF_8)))
                        .body(saved.after())
                : ResponseEntity.ok(saved.after());
    }

    @GetMapping("/export.xlsx")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename("overturn-payers.xlsx").build().toString());
        response.setHeader("Cache-Control", "no-store");
        PayerWorkbook.write(directory.entries(), response.getOutputStream());
    }

    /** 200 with the counts, or 422 with every problem of the file and nothing imported. */
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @PreAuthorize(EDITORS)
    ResponseEntity<?> importWorkbook(@RequestParam("file") MultipartFile file, Authentication user)
            throws IOException {
        if (file.getSize() > PayerWorkbook.MAX_BYTES) {
            throw new PayerWorkbook.Refused(413, "The file is larger than 5 MB; a payer list is much smaller");
        }
        var imported = edits.importWorkbook(file.getBytes(), file.getOriginalFilename(), user.getName());
        if (!imported.accepted()) {
            return ResponseEntity.unprocessableEntity().body(new ImportRefused(422,
                    "The workbook has problems; nothing was imported",
                    imported.problems().stream().map(ImportProblem::of).toList()));
        }
        return ResponseEntity.ok(new ImportDone(imported.created(), imported.updated()));
    }

    @ExceptionHandler(InvalidPayer.class)
    ResponseEntity<Problem> invalid(InvalidPayer invalid) {
        return ResponseEntity.badRequest().body(new Problem(400, invalid.getMessage(), invalid.fieldErrors()));
    }

    @ExceptionHandler(PayerWorkbook.Refused.class)
    ResponseEntity<Problem> refused(PayerWorkbook.Refused refused) {
        return ResponseEntity.status(refused.status()).body(new Problem(refused.status(), refused.getMessage(),
                Map.of()));
    }
}

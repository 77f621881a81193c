package org.overturn.authorization;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * The register over HTTP (DESIGN section 3): {@code POST /api/authorizations} (201 with the record), {@code GET
 * /api/authorizations?memberId=} (with {@code unitsUsed}); writes take an optional {@code ?practiceId=} (else the
 * practice whose claims name the member, else the user's only practice), {@code GET|PUT /api/authorizations/{id}}, {@code POST
 * /api/authorizations/import} (an .xlsx or .csv, all rows or none) and {@code GET /api/authorizations/template.xlsx}.
 */
@RestController
@RequestMapping("/api/authorizations")
class AuthorizationController {

    record Problem(int status, String error, Map<String, String> fields) {
    }

    record ImportRefused(int status, String error, List<AuthorizationImport.Problem> problems) {
    }

    private final AuthorizationRegister register;

    AuthorizationController(AuthorizationRegister register) {
        this.register = register;
    }

    @GetMapping
    List<Authorization> ofMember(@RequestParam String memberId, Authentication authentication) {
        return register.ofMember(memberId, CurrentUser.of(authentication));
    }

    @PostMapping
    ResponseEntity<Authorization> create(@RequestBody AuthorizationDraft draft,
                                         @RequestParam(required = false) Long practiceId,
                                         Authentication authentication) {
        Authorization created = register.create(draft, practiceId, AuthorizationSource.API,
                CurrentUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/authorizations/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable long id, Authentication authentication) {
        return register.find(id, CurrentUser.of(authentication)).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(id));
    }

    @PutMapping("/{id}")
    Authorization update(@PathVariable long id, @RequestBody AuthorizationDraft draft,
                         @RequestParam(required = false) Long practiceId, Authentication authentication) {
        return register.update(id, draft, practiceId, AuthorizationSource.API, CurrentUser.of(authentication));
    }

    /** 200 with the counts, or 422 with every problem by row and column and nothing imported. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@RequestParam("file") MultipartFile file,
                                 @RequestParam(required = false) Long practiceId, Authentication authentication)
            throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        AuthorizationRegister.requireKeeper(user);
        var read = AuthorizationImport.read(file.getOriginalFilename(), file.getBytes());
        if (!read.problems().isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(new ImportRefused(422,
                    "The file has problems; nothing was imported", read.problems()));
        }
        return ResponseEntity.ok(register.importAll(read.terms(), practiceId, user));
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuthorizationImport.XLSX))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("authorizations-template.xlsx").build().toString())
                .body(AuthorizationImport.template());
    }

    @ExceptionHandler(InvalidAuthorization.class)
    ResponseEntity<Problem> invalid(InvalidAuthorization invalid) {
        return ResponseEntity.badRequest().body(new Problem(400, invalid.getMessage(), invalid.fieldErrors()));
    }

    @ExceptionHandler(AuthorizationRegister.NotOnFile.class)
    ResponseEntity<Problem> missing(AuthorizationRegister.NotOnFile missing) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem(404, missing.getMessage(), Map.of()));
    }

    @ExceptionHandler(AuthorizationImport.Refused.class)
    ResponseEntity<Problem> refused(AuthorizationImport.Refused refused) {
        return ResponseEntity.status(refused.status()).body(new Problem(refused.status(), refused.getMessage(),
                Map.of()));
    }

    private static ResponseEntity<Problem> notFound(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new Problem(404, "No authorization " + id + " is on file", Map.of()));
    }
}

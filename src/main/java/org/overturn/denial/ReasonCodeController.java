package org.overturn.denial;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/reason-codes/{carc|rarc}/{code}}: what a code means; admins load a newer list. */
@RestController
@RequestMapping("/api/reason-codes")
class ReasonCodeController {

    record Explanation(String list, String code, String description, LocalDate startDate, LocalDate stopDate,
                       boolean active, boolean known) {
    }

    private final ReasonCodes codes;
    private final AuditTrail audit;

    ReasonCodeController(ReasonCodes codes, AuditTrail audit) {
        this.codes = codes;
        this.audit = audit;
    }

    @GetMapping("/{list}/{code}")
    Explanation explain(@PathVariable String list, @PathVariable String code) {
        ReasonCodes.Kind kind = kind(list);
        var found = kind == ReasonCodes.Kind.CARC ? codes.current().carc(code) : codes.current().rarc(code);
        return found.map(c -> new Explanation(kind.name(), c.code(), c.description(), c.startDate(), c.stopDate(),
                        c.active(), true))
                .orElse(new Explanation(kind.name(), code, ReasonCodeList.UNKNOWN, null, null, false, false));
    }

    @PostMapping("/{list}")
    @PreAuthorize("hasRole('admin')")
    Map<String, Object> load(@PathVariable String list, @RequestParam("file") MultipartFile file) throws IOException {
        ReasonCodes.Kind kind = kind(list);
        int added;
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            added = codes.loadNewer(kind, reader, "uploaded " + file.getOriginalFilename());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
        audit.record(AuditAction.UPLOAD, "reason-code-list", kind.name(), file.getOriginalFilename());
        return Map.of("list", kind.name(), "newCodes", added);
    }

    private static ReasonCodes.Kind kind(String list) {
        try {
            return ReasonCodes.Kind.valueOf(list.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no code list " + list + " (carc or rarc)");
        }
    }
}

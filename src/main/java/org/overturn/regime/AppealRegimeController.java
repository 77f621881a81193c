package org.overturn.regime;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/appeal-regimes}: the regime table in force with every source; {@code POST} (admin, multipart
 * {@code file}) loads a newer one. {@code GET|POST /api/appeal-recipients}: the recipient directory and its import.
 */
@RestController
class AppealRegimeController {

    private final AppealRegimes regimes;
    private final AppealRecipients recipients;
    private final AuditTrail audit;

    AppealRegimeController(AppealRegimes regimes, AppealRecipients recipients, AuditTrail audit) {
        this.regimes = regimes;
        this.recipients = recipients;
        this.audit = audit;
    }

    @GetMapping("/api/appeal-regimes")
    RegimeTable table() {
        return regimes.table();
    }

    @PostMapping("/api/appeal-regimes")
    @PreAuthorize("hasRole('admin')")
    RegimeTable load(@RequestParam("file") MultipartFile file, Authentication user) throws IOException {
        RegimeTable table;
        try {
            table = regimes.load(new String(file.getBytes(), StandardCharsets.UTF_8),
                    "uploaded " + file.getOriginalFilename(), user.getName());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
        audit.record(AuditAction.UPLOAD, "appeal-regime-table", String.valueOf(table.version()),
                file.getOriginalFilename());
        return table;
    }

    @GetMapping("/api/appeal-recipients")
    List<AppealRecipients.Recipient> recipients() {
        return recipients.all();
    }

    @PostMapping("/api/appeal-recipients")
    @PreAuthorize("hasAnyRole('manager', 'admin')")
    Map<String, Object> importRecipients(@RequestParam("file") MultipartFile file) throws IOException {
        int stored;
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            stored = recipients.load(reader);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
        audit.record(AuditAction.UPLOAD, "appeal-recipients", null, file.getOriginalFilename());
        return Map.of("stored", stored);
    }
}

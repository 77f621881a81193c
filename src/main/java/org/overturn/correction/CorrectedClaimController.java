package org.overturn.correction;

import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/denials/{id}/corrected-claim.837}: the replacement (or void) claim made from the denial's latest
 * correction, as the X12 837 the clearinghouse receives. Holds PHI: only for users who may see the denial whole,
 * and every download is audited.
 */
@RestController
class CorrectedClaimController {

    static final MediaType X12 = MediaType.parseMediaType("application/edi-x12");

    private final ReplacementClaims replacements;
    private final DenialAccess access;
    private final AuditTrail audit;

    CorrectedClaimController(ReplacementClaims replacements, DenialAccess access, AuditTrail audit) {
        this.replacements = replacements;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/denials/{id}/corrected-claim.837")
    ResponseEntity<byte[]> download(@PathVariable long id, Authentication authentication) {
        access.requireFull(CurrentUser.of(authentication), id);
        var replacement = replacements.latest(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no corrected claim has been made for denial " + id));
        audit.record(AuditAction.EXPORT, "denial", String.valueOf(id), replacement.fileName());
        return ResponseEntity.ok().contentType(X12)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(replacement.fileName()).build().toString())
                .body(replacement.content());
    }
}

package org.overturn.intake;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * {@code POST /api/remittances}: upload one X12 file (an 835, or an 837, 999 or 277CA: the file says which) and get
 * back what happened to it. Billers and admins only.
 */
@RestController
@RequestMapping("/api/remittances")
@PreAuthorize("hasAnyRole('biller', 'admin')")
class RemittanceUploadController {

    private final FileIntake intake;
    private final AuditTrail audit;
    private final IntakeDoors doors;

    RemittanceUploadController(FileIntake intake, AuditTrail audit, IntakeDoors doors) {
        this.intake = intake;
        this.audit = audit;
        this.doors = doors;
    }

    /**
     * 200 when stored or already on file ({@code "duplicate": true}), 422 when the file is not usable X12 of its kind,
     * 415 when it is plainly not text at all (a PDF, an image, an archive), which is not kept. 503 with
     * {@code Retry-After} while the server takes no files (starting, or replaying the demo clinic): nothing is read.
     */
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<?> upload(@RequestParam("file") List<MultipartFile> files, Principal user) throws IOException {
        var closed = doors.closedBecause();
        if (closed.isPresent()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(IntakeDoors.RETRY_AFTER.toSeconds()))
                    .body(Map.of("status", 503, "error", closed.get()));
        }
        if (files.size() != 1) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Upload one file at a time"));
        }
        MultipartFile file = files.get(0);
        String name = UploadedFileName.of(file.getOriginalFilename());
        byte[] content = file.getBytes();
        if (!UploadedFileName.looksLikeText(content)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("status", 415,
                    "error", name + " is not a text file: an 835 or 837 is plain X12 text"));
        }
        var result = intake.ingest(name, content, "UPLOAD", user == null ? null : user.getName());
        audit.record(AuditAction.UPLOAD, "835".equals(result.kind()) ? "remittance-file" : "claim-file",
                result.fileId() == null ? null
                : String.valueOf(result.fileId()), result.outcome().name());
        var status = result.outcome() == IntakeResult.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }
}

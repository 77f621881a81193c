package org.overturn.letters;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.part2.Recipient;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Letters and attachments over HTTP: a version's PDF, a draft preview while a biller writes, and the
 * documents enclosed with an appeal. A Part 2 denial's letters and documents are refused (403) to users
 * without Part 2 access; every download is audited.
 */
@RestController
class LetterController {

    private final Letters letters;
    private final Part2GatedSending gate;
    private final LetterAttachments attachments;
    private final Denials denials;
    private final AuditTrail audit;

    private final DenialAccess access;

    LetterController(Letters letters, LetterAttachments attachments, Denials denials, AuditTrail audit,
                     DenialAccess access, Part2GatedSending gate) {
        this.gate = gate;
        this.access = access;
        this.letters = letters;
        this.attachments = attachments;
        this.denials = denials;
        this.audit = audit;
    }

    @GetMapping("/api/denials/{id}/letters")
    List<Letters.LetterVersion> letters(@PathVariable long id, Authentication user) {
        readable(id, user);
        return letters.of(id);
    }

    @GetMapping("/letters/{versionId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long versionId, Authentication user) {
        Letters.LetterVersion version = letters.version(versionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No letter version " + versionId));
        DenialView denial = readable(version.denialId(), user);
        // a complaint leaves by the user's hand, not by mail: for a Part 2 record its download is the disclosure to
        // the regulator, which goes only under a consent naming that regulator (42 CFR 2.31(a)(4))
        var addressee = letters.addressee(versionId).filter(to -> to.kind() == Recipient.Kind.REGULATOR);
        if (denial.part2() && addressee.isPresent()
                && !gate.permission(denial.id(), addressee.get()).allowed()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "No valid Part 2 consent of the patient names "
                    + addressee.get().describe() + ": record one before filing the complaint");
        }
        return pdfResponse(letters.pdf(versionId), "letter-" + version.denialId() + "-" + version.kind().name()
                .toLowerCase(java.util.Locale.ROOT) + "-v" + version.version() + ".pdf");
    }

    /** The appeal as it would go out with the argument in the form, not stored: opened in a new tab. */
    @PostMapping("/denials/{id}/letters/preview")
    ResponseEntity<byte[]> preview(@PathVariable long id, @RequestParam(required = false) String appealArgument,
                                   @RequestParam(defaultValue = "APPEAL") LetterKind kind,
                                   @RequestParam Map<String, String> form, Authentication user) {
        DenialView denial = readable(id, user);
        // while an appeal is prepared or approved, the denial's level is the last one sent
        int level = kind == LetterKind.APPEAL ? denial.appealLevel() + 1 : 0;
        // the task form's clinical case, as the process will hold it once the task is completed
        var draft = letters.preview(id, kind, level, appealArgument, MedicalNecessity.of(form::get), user.getName(),
                null);
        audit.record(AuditAction.EXPORT, "denial", String.valueOf(id), "letter preview");
        return pdfResponse(draft.pdf(), "draft-" + id + ".pdf");
    }

    @GetMapping("/api/denials/{id}/attachments")
    List<LetterAttachments.Attachment> attachments(@PathVariable long id, Authentication user) {
        readable(id, user);
        return attachments.of(id);
    }

    @PostMapping("/api/denials/{id}/attachments")
    ResponseEntity<?> attach(@PathVariable long id, @RequestParam("file") MultipartFile file, Authentication user)
            throws IOException {
        readable(id, user);
        try {
            var added = attachments.add(id, file.getOriginalFilename(), file.getBytes(), user.getName());
            return ResponseEntity.status(HttpStatus.CREATED).body(added);
        } catch (LetterAttachments.RejectedAttachment e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("status", 422, "error", "Unprocessable Entity",
                    "message", e.getMessage()));
        }
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long attachmentId, Authentication user) {
        var a = attachments.find(attachmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No attachment " + attachmentId));
        readable(a.denialId(), user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.fileName())
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachments.content(attachmentId));
    }

    /**
     * The denial, if this user may read its letters and documents: 404 when there is none; the access gate's 403
     * (audited) outside the user's queues and for a Part 2 record the user may not see.
     */
    DenialView readable(long denialId, Authentication authentication) {
        DenialView denial = denials.find(denialId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No denial " + denialId));
        access.requireFull(CurrentUser.of(authentication), denialId);
        return denial;
    }

    private static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }
}

package org.overturn.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.overturn.intake.internal.QuarantinedFile;
import org.overturn.intake.internal.QuarantinedFileRepository;
import org.overturn.remittance.RemittanceStore;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rejected files: what was wrong (billers, managers and admins), and the original bytes (admins only: a raw 835
 * names every patient in it, Part 2 records included, with nothing to redact them by). A file kept for some
 * transaction sets that could not be read, while its other payments were stored, says where they are
 * ({@code storedFileId}).
 */
@RestController
@RequestMapping("/api/quarantine")
@PreAuthorize("hasAnyRole('biller', 'manager', 'admin')")
class QuarantineController {

    private final QuarantinedFileRepository files;
    private final RemittanceStore remittances;

    QuarantineController(QuarantinedFileRepository files, RemittanceStore remittances) {
        this.files = files;
        this.remittances = remittances;
    }

    /**
     * @param storedFileId the stored 835 file with the same bytes: the payments of it that could be read (null when
     *                     none was stored)
     */
    record QuarantineEntry(long id, String fileName, long sizeBytes, String source, Instant receivedAt,
                           String receivedBy, Integer segmentNumber, String segmentId, String error,
                           Long storedFileId) {
        static QuarantineEntry of(QuarantinedFile f, Map<String, Long> stored) {
            return new QuarantineEntry(f.getId(), f.getFileName(), f.getSizeBytes(), f.getSource(), f.getReceivedAt(),
                    f.getReceivedBy(), f.getSegmentNumber(), f.getSegmentId(), f.getError(), stored.get(f.getSha256()));
        }
    }

    @GetMapping
    List<QuarantineEntry> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<QuarantinedFile> kept = files.findAllByOrderByIdDesc(PageRequest.of(page, Math.min(size, 500)))
                .getContent();
        Map<String, Long> stored = remittances.findFilesByHashes(kept.stream().map(QuarantinedFile::getSha256)
                .distinct().toList());
        return kept.stream().map(f -> QuarantineEntry.of(f, stored)).toList();
    }

    @GetMapping("/{id}/content")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        var file = files.findById(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "no quarantined file " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quarantine-" + id + ".835\"")
                .body(file.getContent());
    }
}

package org.overturn.intake.internal;

import java.time.Clock;
import org.overturn.x12.MalformedX12Exception;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps rejected files, in their own transaction so that the record survives whatever the caller does next; the
 * same bytes sent again are already kept, and are not kept twice.
 */
@Component
public class Quarantine {

    private final QuarantinedFileRepository files;
    private final Clock clock;

    Quarantine(QuarantinedFileRepository files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long keep(String fileName, String sha256, byte[] content, String source, String receivedBy,
                     MalformedX12Exception reason) {
        var kept = files.findIdBySha256(sha256);
        if (kept.isPresent()) {
            return kept.get();
        }
        // X12 ids are two or three characters; anything else read as an id is in the message only
        String segmentId = reason.segmentId() != null && reason.segmentId().length() <= 3 ? reason.segmentId() : null;
        var file = new QuarantinedFile(fileName, sha256, content, source, clock.instant(), receivedBy,
                reason.segmentNumber(), segmentId, fileName + ": " + reason.getMessage());
        return files.save(file).getId();
    }
}

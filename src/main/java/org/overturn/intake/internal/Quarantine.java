package org.overturn.intake.internal;

import java.time.Clock;
import java.util.List;
import org.overturn.remittance.UnreadableTransaction;
import org.overturn.x12.MalformedX12Exception;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps rejected files, in their own transaction so that the record survives whatever the caller does next; the
 * same bytes sent again are already kept, and are not kept twice. A file whose other payments are stored is kept
 * too, for the transaction sets that could not be read.
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
        var file = new QuarantinedFile(fileName, sha256, content, source, clock.instant(), receivedBy,
                reason.segmentNumber(), segmentId(reason.segmentId()), fileName + ": " + reason.getMessage());
        return files.save(file).getId();
    }

    /**
     * Keeps a file for the transaction sets of it that could not be read (its other payments are stored, or on file
     * already), with the reason naming each of them.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long keepUnreadable(String fileName, String sha256, byte[] content, String source, String receivedBy,
                               List<UnreadableTransaction> unreadable) {
        var kept = files.findIdBySha256(sha256);
        if (kept.isPresent()) {
            return kept.get();
        }
        UnreadableTransaction first = unreadable.get(0);
        var file = new QuarantinedFile(fileName, sha256, content, source, clock.instant(), receivedBy,
                first.segmentNumber(), segmentId(first.segmentId()), reason(fileName, unreadable));
        return files.save(file).getId();
    }

    /** {@code era.835: transaction set 0003 (segments 120-245): segment 130 (CLP): ...}, each set after a "; ". */
    public static String reason(String fileName, List<UnreadableTransaction> unreadable) {
        StringBuilder out = new StringBuilder(fileName).append(": ");
        for (int i = 0; i < unreadable.size(); i++) {
            out.append(i == 0 ? "" : "; ").append(unreadable.get(i).describe());
        }
        return out.toString();
    }

    /** X12 ids are two or three characters; anything else read as an id is in the message only. */
    private static String segmentId(String id) {
        return id != null && id.length() <= 3 ? id : null;
    }
}

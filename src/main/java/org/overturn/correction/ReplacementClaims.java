package org.overturn.correction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimWriter;
import org.overturn.claim.StoredClaim;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.x12.MalformedX12Exception;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacement (frequency 7) and void (8) claims made from a biller's correction: the original claim as stored, with
 * the changes, REF*F8 the payer's claim control number. Each is written as an 837 with an interchange control number
 * that never repeats, read back by the product's own reader before it is kept (a claim that does not read back as
 * written is refused, never sent), and released to the clearinghouse outbox when the claim is resubmitted.
 */
@Service
public class ReplacementClaims {

    private final JdbcTemplate jdbc;
    private final ClaimsOutboxProperties outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClaimWriter writer = ClaimWriter.standard();
    private final ClaimParser parser = ClaimParser.standard();

    ReplacementClaims(JdbcTemplate jdbc, ClaimsOutboxProperties outbox, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A replacement or void 837 made for a denial. */
    public record Replacement(long id, long denialId, String frequency, long interchangeControlNumber, String fileName,
                              byte[] content, String generatedBy, Instant generatedAt, String releasedBy,
                              Instant releasedAt, String outboxPath) {
    }

    /**
     * Makes the replacement or void of the denial's claim from the correction just recorded, inside the caller's
     * transaction.
     *
     * @throws IllegalArgumentException when it cannot be made (no payer claim control number for REF*F8, a line
     *                                  the claim does not have, a change the 837 cannot carry)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Replacement make(long denialId, long correctedClaimId, StoredClaim original, String payerClaimControlNumber,
                            ClaimChanges changes, String madeBy) {
        BilledClaim claim = changes.applyTo(original.claim(), payerClaimControlNumber);
        long controlNumber = jdbc.queryForObject("select nextval('outgoing_interchange_seq')", Long.class);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        ClaimParty submitter = party(original.submitter(), outbox.senderId());
        ClaimParty receiver = party(original.receiver(), outbox.receiverId());
        ClaimBatch batch = new ClaimBatch(claim.kind(), submitter.id(), receiver.id(), controlNumber, now,
                "OVT" + controlNumber, outbox.production(), submitter, outbox.contactName(), outbox.contactPhone(),
                receiver, List.of(claim));
        byte[] content = writer.write(batch);
        readsBackAsWritten(content, claim);
        String fileName = String.format("%09d-denial-%d-%s.837", controlNumber, denialId,
                "8".equals(claim.frequency()) ? "void" : "replacement");
        Instant at = clock.instant();
        long id = jdbc.queryForObject("""
                insert into replacement_claim (denial_id, corrected_claim_id, billed_claim_id, frequency,
                    interchange_control_number, file_name, content, generated_by, generated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, denialId, correctedClaimId, original.id(), claim.frequency(), controlNumber, fileName,
                content, madeBy, Timestamp.from(at));
        audit.recordWithin(madeBy == null ? "system" : madeBy, AuditAction.CORRECTED_CLAIM_MADE, "denial",
                String.valueOf(denialId), fileName);
        return new Replacement(id, denialId, claim.frequency(), controlNumber, fileName, content, madeBy, at, null,
                null, null);
    }

    /**
     * Writes the denial's latest replacement not yet released to the outbox folder (whole or not at all: written
     * beside, then moved into place), and records who released it. Empty when there is none to release.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Replacement> release(long denialId, String releasedBy) {
        Optional<Replacement> pending = latest(denialId).filter(r -> r.releasedAt() == null);
        pending.ifPresent(r -> {
            Path target = writeToOutbox(r);
            jdbc.update("update replacement_claim set released_by = ?, released_at = ?, outbox_path = ? where id = ?",
                    releasedBy, Timestamp.from(clock.instant()), target.toString(), r.id());
            audit.recordWithin(releasedBy == null ? "system" : releasedBy, AuditAction.CORRECTED_CLAIM_RELEASED,
                    "denial", String.valueOf(denialId), r.fileName());
        });
        return pending.flatMap(r -> latest(denialId));
    }

    /** The denial's latest replacement or void claim, if one was made. */
    @Transactional(readOnly = true)
    public Optional<Replacement> latest(long denialId) {
        return jdbc.query("""
                select id, denial_id, frequency, interchange_control_number, file_name, content, generated_by,
                       generated_at, released_by, released_at, outbox_path
                  from replacement_claim where denial_id = ? order by id desc limit 1
                """, (rs, i) -> new Replacement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getBytes(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getString(11)), denialId).stream().findFirst();
    }

    private void readsBackAsWritten(byte[] content, BilledClaim claim) {
        ClaimFile back;
        try {
            back = parser.parse(content);
        } catch (MalformedX12Exception e) {
            throw new IllegalStateException("the replacement claim written is not readable X12: " + e.getMessage(), e);
        }
        if (back.claimCount() != 1 || !back.transactions().get(0).claims().get(0).equals(claim)) {
            throw new IllegalStateException("the replacement claim does not read back as it was written");
        }
    }

    private Path writeToOutbox(Replacement replacement) {
        try {
            Files.createDirectories(outbox.folder());
            Path target = outbox.folder().resolve(replacement.fileName());
            Path partial = outbox.folder().resolve("." + replacement.fileName() + ".part");
            Files.write(partial, replacement.content());
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("the claims outbox " + outbox.folder() + " cannot be written", e);
        }
    }

    private static ClaimParty party(ClaimParty onFile, String fallbackId) {
        if (onFile == null || onFile.id() == null || onFile.id().isBlank()) {
            return new ClaimParty(onFile == null || onFile.name() == null ? fallbackId : onFile.name(), fallbackId);
        }
        return onFile;
    }
}

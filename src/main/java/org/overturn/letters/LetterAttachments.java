package org.overturn.letters;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents a biller encloses with an appeal (session notes, authorizations, proof of timely filing): PDF or
 * images only, recognised by their content rather than their name, within a size and count limit.
 */
@Service
public class LetterAttachments {

    public record Attachment(long id, long denialId, String fileName, String contentType, int sizeBytes,
                             String sha256, String uploadedBy, Instant uploadedAt) {
    }

    /** An upload that cannot be enclosed, with the reason in words. */
    public static class RejectedAttachment extends RuntimeException {
        RejectedAttachment(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final LettersProperties properties;
    private final Clock clock;
    private final org.overturn.security.AuditTrail audit;

    LetterAttachments(JdbcTemplate jdbc, LettersProperties properties, Clock clock,
                      org.overturn.security.AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Attachment add(long denialId, String fileName, byte[] content, String user) {
        if (content.length == 0) {
            throw new RejectedAttachment("The file is empty");
        }
        if (content.length > properties.attachmentMaxBytes()) {
            throw new RejectedAttachment("The file is larger than " + properties.attachmentMaxBytes() / (1024 * 1024)
                    + " MB");
        }
        String type = contentType(content).orElseThrow(() -> new RejectedAttachment(
                "Only PDF, PNG, JPEG or TIFF documents can be attached"));
        Integer count = jdbc.queryForObject("select count(*) from letter_attachment where denial_id = ? "
                + "and removed_at is null", Integer.class, denialId);
        if (count != null && count >= properties.attachmentMaxCount()) {
            throw new RejectedAttachment("A denial can have at most " + properties.attachmentMaxCount()
                    + " attachments");
        }
        Long total = jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from letter_attachment "
                + "where denial_id = ? and removed_at is null", Long.class, denialId);
        if (total != null && total + content.length > properties.attachmentTotalMaxBytes()) {
            throw new RejectedAttachment("A denial's attachments can total at most "
                    + megabytes(properties.attachmentTotalMaxBytes()) + "; these already take " + megabytes(total));
        }
        String name = safeName(fileName, type);
        String sha256 = sha256(content);
        Instant now = clock.instant();
        Long id = jdbc.queryForObject("""
                insert into letter_attachment (denial_id, file_name, content_type, size_bytes, sha256, content,
                                               uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, denialId, name, type, content.length, sha256, content, user, Timestamp.from(now));
        audit.record(org.overturn.security.AuditAction.UPLOAD, "denial", String.valueOf(denialId),
                "attachment " + id + " (" + type + ", " + content.length + " bytes)");
        return new Attachment(id, denialId, name, type, content.length, sha256, user, now);
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(long denialId) {
        return jdbc.query("""
                select id, denial_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                  from letter_attachment where denial_id = ? and removed_at is null order by id
                """, (rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), denialId);
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(long attachmentId) {
        return jdbc.query("""
                select id, denial_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                  from letter_attachment where id = ? and removed_at is null
                """, (rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), attachmentId)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public byte[] content(long attachmentId) {
        return jdbc.queryForObject("select content from letter_attachment where id = ?", byte[].class, attachmentId);
    }

    /** Kept for the record (a sent letter may have enclosed it), no longer enclosed in new letters. */
    @Transactional
    public void remove(long attachmentId, String user) {
        jdbc.update("update letter_attachment set removed_at = ?, removed_by = ? where id = ? and removed_at is null",
                Timestamp.from(clock.instant()), user, attachmentId);
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** What the bytes are, whatever the file is called. */
    static Optional<String> contentType(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0x49, 0x49, 0x2A, 0x00) || startsWith(b, 0x4D, 0x4D, 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A name safe in a mail header and a download: no paths, no control characters, the right extension. */
    static String safeName(String fileName, String contentType) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (base.isEmpty() || base.matches("\\.*")) {
            base = "document";
        }
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".tif";
        };
        if (!base.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(pdf|png|jpe?g|tiff?)$")) {
            base = base + extension;
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

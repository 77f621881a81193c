package org.overturn.intake.internal;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file that could not be read as an 835, its original bytes untouched, with the reason beside them. */
@Entity
@Table(name = "quarantined_file")
public class QuarantinedFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fileName;
    private String sha256;
    private long sizeBytes;
    private String source;
    private Instant receivedAt;
    private String receivedBy;
    private Integer segmentNumber;
    private String segmentId;
    private String error;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    protected QuarantinedFile() {
    }

    QuarantinedFile(String fileName, String sha256, byte[] content, String source, Instant receivedAt,
                    String receivedBy, Integer segmentNumber, String segmentId, String error) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.sizeBytes = content.length;
        this.content = content;
        this.source = source;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        this.segmentNumber = segmentNumber;
        this.segmentId = segmentId;
        this.error = error;
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getSha256() { return sha256; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSource() { return source; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getReceivedBy() { return receivedBy; }
    public Integer getSegmentNumber() { return segmentNumber; }
    public String getSegmentId() { return segmentId; }
    public String getError() { return error; }
    public byte[] getContent() { return content; }
}

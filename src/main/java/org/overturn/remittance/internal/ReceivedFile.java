package org.overturn.remittance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An 835 file as received: who sent it, when, and its content hash (the first idempotency key). */
@Entity
@Table(name = "remittance_file")
public class ReceivedFile {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remittance_file_seq")
    @SequenceGenerator(name = "remittance_file_seq", sequenceName = "remittance_file_seq", allocationSize = 100)
    private Long id;
    private String fileName;
    private String sha256;
    private long sizeBytes;
    private String source;
    private Instant receivedAt;
    private String receivedBy;
    private int transactionCount;
    @Column(name = "claim_count")
    private int claimCount;

    protected ReceivedFile() {
    }

    public ReceivedFile(String fileName, String sha256, long sizeBytes, String source, Instant receivedAt,
                        String receivedBy) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.source = source;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
    }

    void countStored(int transactions, int claims) {
        this.transactionCount = transactions;
        this.claimCount = claims;
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getSha256() { return sha256; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSource() { return source; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getReceivedBy() { return receivedBy; }
    public int getTransactionCount() { return transactionCount; }
    public int getClaimCount() { return claimCount; }
}

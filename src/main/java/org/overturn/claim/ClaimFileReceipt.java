package org.overturn.claim;

/** A file as it arrived, before it is read: its name, content hash, size, door (UPLOAD, INBOX, DEMO) and sender. */
public record ClaimFileReceipt(String fileName, String sha256, long sizeBytes, String source, String receivedBy) {
}

package org.overturn.remittance;

/**
 * Where a file came from.
 *
 * @param source     UPLOAD, INBOX or DEMO
 * @param receivedBy the user who uploaded it, or null for the inbox
 */
public record FileReceipt(String fileName, String sha256, long sizeBytes, String source, String receivedBy) {
}

package org.overturn.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A user asked for a record outside what they may see or do. Spring Security's access-denied handler answers it
 * as a 403 (JSON under {@code /api}) and writes it to the audit log with the record it names.
 */
public class AccessRefused extends AccessDeniedException {

    private final String recordType;
    private final String recordId;

    public AccessRefused(String recordType, Object recordId, String message) {
        super(message);
        this.recordType = recordType;
        this.recordId = recordId == null ? null : String.valueOf(recordId);
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }
}

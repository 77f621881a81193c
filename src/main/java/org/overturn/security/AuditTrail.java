package org.overturn.security;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log (table {@code audit_event}, append-only). Each event is its own transaction, written
 * after the action it records succeeded, so a read-only request can be audited and a failed one is not; or, with
 * {@link #recordWithin}, part of the action's own transaction. Details name records by id, never by patient.
 */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the signed-in user (or of the system, outside a request). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditAction action, String recordType, String recordId, String detail) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "system" : authentication.getName();
        recordAs(actor, action, recordType, recordId, detail);
    }

    /**
     * Records an event in the caller's transaction: it commits with the action or not at all. For an action whose
     * own record and audit event must not part, such as a letter's delivery.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(String actor, AuditAction action, String recordType, String recordId, String detail) {
        insert(actor, action, recordType, recordId, detail);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, AuditAction action, String recordType, String recordId, String detail) {
        insert(actor, action, recordType, recordId, detail, remoteAddress());
    }

    /**
     * Records a login: its events come from Spring Security's filters, before the request is bound to the thread,
     * so the client's address is the one the login's details captured.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordLogin(String actor, AuditAction action, String detail, String remoteAddress) {
        insert(actor, action, null, null, detail, remoteAddress != null ? remoteAddress : remoteAddress());
    }

    private void insert(String actor, AuditAction action, String recordType, String recordId, String detail) {
        insert(actor, action, recordType, recordId, detail, remoteAddress());
    }

    private void insert(String actor, AuditAction action, String recordType, String recordId, String detail,
                        String remoteAddress) {
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, record_type, record_id, detail, remote_address)
                values (?, ?, ?, ?, ?, ?, ?)
                """, Timestamp.from(clock.instant()), truncate(actor, 100), action.name(), recordType,
                truncate(recordId, 64), truncate(detail, 500), remoteAddress);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package org.overturn.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.overturn.security.AccessRefused;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Every 403 a signed-in user gets goes to the audit log: what was asked for (method and path, which name records by
 * id only) and, when the access gate refused a record, that record.
 */
@Component
class RefusalAudit {

    private final AuditTrail audit;

    RefusalAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void refused(HttpServletRequest request, AccessDeniedException e) {
        String asked = request.getMethod() + " " + request.getRequestURI();
        if (e instanceof AccessRefused refused) {
            audit.record(AuditAction.ACCESS_REFUSED, refused.recordType(), refused.recordId(),
                    asked + ": " + refused.getMessage());
        } else {
            audit.record(AuditAction.ACCESS_REFUSED, "request", null, asked);
        }
    }
}

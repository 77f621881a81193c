package org.overturn.security.internal;

import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every login, successful or not, goes to the audit log. */
@Component
class LoginAudit {

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGIN_SUCCESS, null, null, null);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGIN_FAILURE, null, null,
                event.getException().getClass().getSimpleName());
    }
}

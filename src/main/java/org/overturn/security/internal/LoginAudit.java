package org.overturn.security.internal;

import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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
        audit.recordLogin(event.getAuthentication().getName(), AuditAction.LOGIN_SUCCESS, null,
                remoteAddress(event.getAuthentication()));
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        audit.recordLogin(event.getAuthentication().getName(), AuditAction.LOGIN_FAILURE,
                event.getException().getClass().getSimpleName(), remoteAddress(event.getAuthentication()));
    }

    /** The client's address as the login form or HTTP Basic saw it (behind the proxy: the forwarded one). */
    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}

package org.overturn.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every successful look at PHI (denials, remittances, tasks with their denial, quarantined files) and
 * every export, by URL, after the response is written. Which URLs hold PHI is decided here, in one place.
 */
@Component
class PhiAccessAuditor implements HandlerInterceptor {

    private record Rule(Pattern path, AuditAction action, String recordType) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("/api/denials/(\\d+)"), AuditAction.VIEW, "denial"),
            new Rule(Pattern.compile("/api/denials/(\\d+)/consents"), AuditAction.VIEW, "denial-consents"),
            new Rule(Pattern.compile("/api/denials/(\\d+)/.+"), AuditAction.VIEW, "denial"),
            new Rule(Pattern.compile("/letters/(\\d+)\\.pdf"), AuditAction.EXPORT, "letter-version"),
            new Rule(Pattern.compile("/attachments/(\\d+)"), AuditAction.EXPORT, "attachment"),
            new Rule(Pattern.compile("/outbox"), AuditAction.VIEW, "outbox"),
            new Rule(Pattern.compile("/api/denials"), AuditAction.VIEW, "denial-search"),
            new Rule(Pattern.compile("/api/remittances/(\\d+)"), AuditAction.VIEW, "remittance"),
            new Rule(Pattern.compile("/api/tasks/([\\w-]+)"), AuditAction.VIEW, "task"),
            new Rule(Pattern.compile("/api/queues/([\\w-]+)/tasks"), AuditAction.VIEW, "queue"),
            new Rule(Pattern.compile("/api/quarantine/(\\d+)/content"), AuditAction.EXPORT, "quarantined-file"),
            new Rule(Pattern.compile("/denials/(\\d+)"), AuditAction.VIEW, "denial"),
            new Rule(Pattern.compile("/remittances/(\\d+)"), AuditAction.VIEW, "remittance"),
            new Rule(Pattern.compile("/queues/([\\w-]+)"), AuditAction.VIEW, "queue"),
            new Rule(Pattern.compile("/denials"), AuditAction.VIEW, "denial-search"),
            new Rule(Pattern.compile("/parity|/api/parity/cases"), AuditAction.VIEW, "parity-cases"),
            new Rule(Pattern.compile("/(?:api/)?authorizations/(\\d+)"), AuditAction.VIEW, "authorization"),
            new Rule(Pattern.compile("/(?:api/)?authorizations"), AuditAction.VIEW, "authorizations"),
            new Rule(Pattern.compile(".*/export.*|.*\\.xlsx"), AuditAction.EXPORT, "export"));

    private final AuditTrail audit;

    PhiAccessAuditor(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!"GET".equals(request.getMethod()) || failure != null || response.getStatus() >= 300) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Rule rule : RULES) {
            Matcher m = rule.path().matcher(path);
            if (m.matches()) {
                String id = m.groupCount() > 0 ? m.group(1) : null;
                audit.record(rule.action(), rule.recordType(), id, query(request));
                return;
            }
        }
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? null : request.getQueryString();
    }
}

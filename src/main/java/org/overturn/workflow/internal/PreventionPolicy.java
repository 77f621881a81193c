package org.overturn.workflow.internal;

import java.util.Date;
import org.overturn.authorization.AuthorizationWatch;
import org.springframework.stereotype.Component;

/** What the authorization-watch model asks by name ({@code ${prevention...}}): when acting on a finding is too late. */
@Component("prevention")
public class PreventionPolicy {

    private final AuthorizationWatch watch;

    PreventionPolicy(AuthorizationWatch watch) {
        this.watch = watch;
    }

    /** The finding's authorization end or review date; null when nothing ends (no due date). */
    public Date dueAt(long preventionId) {
        return watch.find(preventionId).map(AuthorizationWatch.Finding::dueAt).map(Date::from).orElse(null);
    }
}

package org.overturn.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The local run's users (accounts.DemoUsers) doing the demo's work as if signed in: with the authorities their
 * engine groups give them, and signed in while they act, so the audit log and the task history name them.
 */
final class DemoStaff {

    static final String BILLER = "biller";
    static final String SUD_BILLER = "sud-biller";
    static final String MANAGER = "manager";
    static final String PARITY = "parity";
    /** Works what needs both a role and Part 2 access: a manager's or a parity task on a Part 2 denial. */
    static final String ADMIN = "admin";

    private final IdentityService identity;
    private final Map<String, Authentication> signedIn = new HashMap<>();

    DemoStaff(IdentityService identity) {
        this.identity = identity;
    }

    CurrentUser user(String id) {
        return CurrentUser.of(authentication(id));
    }

    /** Does something as that user, signed in for the length of it. */
    <T> T as(String id, Supplier<T> action) {
        var context = SecurityContextHolder.getContext();
        Authentication before = context.getAuthentication();
        context.setAuthentication(authentication(id));
        try {
            return action.get();
        } finally {
            context.setAuthentication(before);
        }
    }

    void as(String id, Runnable action) {
        as(id, () -> {
            action.run();
            return null;
        });
    }

    /** As the sign-in does it (security.internal): roles and work queues from the user's engine groups. */
    private Authentication authentication(String id) {
        return signedIn.computeIfAbsent(id, user -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (Group group : identity.createGroupQuery().groupMember(user).list()) {
                authorities.add(new SimpleGrantedAuthority(Roles.QUEUE_GROUP_TYPE.equals(group.getType())
                        ? Roles.authorityOfQueue(group.getId()) : Roles.authorityOfRole(group.getId())));
            }
            if (authorities.isEmpty()) {
                throw new IllegalStateException("Demo user " + user + " has no groups: were the demo users created?");
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        });
    }
}

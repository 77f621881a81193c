package org.overturn.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.overturn.security.Roles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's identity store (salted SHA-512 hashes), so that Overturn, Cockpit and
 * the engine REST API share one set of users, and turns the user's groups into authorities.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    EngineIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (throttle.isLocked(user)) {
            throw new LockedException("Too many failed logins: try again later");
        }
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            throttle.failed(user);
            throw new BadCredentialsException("Wrong user name or password");
        }
        throttle.succeeded(user);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user));
    }

    List<GrantedAuthority> authoritiesOf(String user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(user).list()) {
            if (Roles.QUEUE_GROUP_TYPE.equals(group.getType())) {
                authorities.add(new SimpleGrantedAuthority(Roles.authorityOfQueue(group.getId())));
            } else {
                authorities.add(new SimpleGrantedAuthority(Roles.authorityOfRole(group.getId())));
            }
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

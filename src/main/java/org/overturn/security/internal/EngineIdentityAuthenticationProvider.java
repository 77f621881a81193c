package org.overturn.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.overturn.security.Roles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's identity store (salted SHA-512 hashes), so that Overturn, Cockpit and
 * the engine REST API share one set of users, and turns the user's groups into authorities. Failed logins are
 * throttled by the engine itself, in the database, so the lock holds on every node: after each failure the
 * user is refused for a delay that doubles (3 s, 6 s, ... up to 60 s), and after 10 the account stays locked
 * until an admin unlocks it in Admin.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    EngineIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        // the engine answers false for a locked user too, so a guesser learns nothing from the answer
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
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

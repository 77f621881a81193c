package org.overturn.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.camunda.bpm.engine.identity.Group;
import org.overturn.security.Roles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against the engine's identity store, so that Overturn, Cockpit and the engine REST API share one
 * set of users, and turns the user's groups into authorities. Guessing is slowed down per user and client address
 * ({@link LoginThrottle}), and by the engine itself (after each failure the user is refused for a delay that
 * doubles from 3 s up to 60 s, in the database, on every node); no number of failures locks an account for good.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(EngineIdentityAuthenticationProvider.class);

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final JdbcTemplate jdbc;

    EngineIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle, JdbcTemplate jdbc) {
        this.identity = identity;
        this.throttle = throttle;
        this.jdbc = jdbc;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var wait = throttle.waitFor(user, address);
        if (wait.isPresent()) {
            // not even checked: a guess during the wait tells nothing, and costs the engine nothing
            throw new LockedException("Too many failed sign-ins from here: try again in "
                    + Math.max(1, wait.get().toSeconds()) + " seconds");
        }
        // the engine answers false while it delays a user too, so a guesser learns nothing from the answer
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            throttle.failed(user, address);
            throw new BadCredentialsException("Wrong user name or password");
        }
        throttle.succeeded(user, address);
        upgradeHash(user, password);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user));
    }

    /**
     * A password still kept as the engine's salted SHA-512 is rewritten with bcrypt now that we know it (Passwords).
     * One that no longer meets the password policy stays as it is, rather than failing the sign-in.
     */
    private void upgradeHash(String userId, String password) {
        String hash = jdbc.query("select pwd_ from act_id_user where id_ = ?",
                rs -> rs.next() ? rs.getString(1) : null, userId);
        if (hash == null || hash.startsWith("{" + Passwords.Bcrypt.NAME + "}")) {
            return;
        }
        try {
            User user = identity.createUserQuery().userId(userId).singleResult();
            user.setPassword(password);
            identity.saveUser(user);
        } catch (ProcessEngineException e) {
            log.info("The password of one user still has its old hash: {}", e.getClass().getSimpleName());
        }
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

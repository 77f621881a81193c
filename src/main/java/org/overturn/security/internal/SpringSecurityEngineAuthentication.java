package org.overturn.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Cockpit, Tasklist, Admin and the engine REST API who signed in through Spring Security, so they need
 * no login of their own. Instantiated by the engine's filters by class name.
 */
public class SpringSecurityEngineAuthentication extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        var result = AuthenticationResult.successful(authentication.getName());
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(authentication.getName())
                .list().stream().map(Group::getId).toList();
        result.setGroups(groups);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already answered unauthenticated requests
    }
}

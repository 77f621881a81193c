package org.overturn.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What the signed-in user may see and do, read from their authorities. */
public record CurrentUser(String id, Set<String> roles, Set<String> queues) {

    public static CurrentUser of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new CurrentUser(authentication.getName(),
                strip(authorities, "ROLE_"), strip(authorities, "QUEUE_"));
    }

    private static Set<String> strip(Set<String> authorities, String prefix) {
        return authorities.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isManagerOrAdmin() {
        return hasRole(Roles.MANAGER) || hasRole(Roles.ADMIN);
    }

    /** May see substance-use (42 CFR Part 2) records. */
    public boolean seesPart2() {
        return hasRole(Roles.PART2) || hasRole(Roles.ADMIN);
    }

    /** May look at the tasks of a queue: its members, and managers and admins (read-only for managers). */
    public boolean canView(String queue) {
        return queues.contains(queue) || isManagerOrAdmin();
    }

    /** May claim and complete the tasks of a queue: its members only. */
    public boolean canWork(String queue) {
        return queues.contains(queue) || hasRole(Roles.ADMIN);
    }
}

package org.overturn.accounts;

import java.util.ArrayList;
import java.util.List;
import org.overturn.denial.WorkQueue;
import org.overturn.security.Roles;
import org.overturn.security.SecurityProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo: a database with no users gets one administrator, whose password must come from
 * configuration ({@code OVERTURN_SECURITY_ADMIN_PASSWORD}). Without it the server refuses to start rather than
 * run with a default password.
 */
@Component
@Profile("!demo & !test")
class InitialAdmin {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    InitialAdmin(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void create() {
        if (accounts.anyExist()) {
            return;
        }
        String password = properties.adminPassword();
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("No users yet: set overturn.security.admin-password "
                    + "(OVERTURN_SECURITY_ADMIN_PASSWORD) to at least " + MIN_PASSWORD_LENGTH
                    + " characters to create the first administrator");
        }
        List<String> groups = new ArrayList<>(WorkQueue.ALL);
        groups.addAll(List.of(Roles.ADMIN, Roles.PART2, Roles.CAMUNDA_ADMIN));
        accounts.ensure(properties.adminUser(), "Administrator", "", password, groups);
    }
}

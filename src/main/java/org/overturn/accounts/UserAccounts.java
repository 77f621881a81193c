package org.overturn.accounts;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates engine users with their group memberships, once. */
@Component
class UserAccounts {

    private final IdentityService identity;

    UserAccounts(IdentityService identity) {
        this.identity = identity;
    }

    boolean anyExist() {
        return identity.createUserQuery().count() > 0;
    }

    void ensure(String id, String firstName, String lastName, String password, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }
}

package org.overturn.accounts;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** The names people go by, for what Overturn writes in their name (a letter's signature). */
@Service
public class UserNames {

    private final IdentityService identity;

    UserNames(IdentityService identity) {
        this.identity = identity;
    }

    /** First and last name of a user, when the account has them. */
    public Optional<String> fullName(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        String full = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }
}

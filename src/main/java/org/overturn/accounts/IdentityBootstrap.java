package org.overturn.accounts;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.overturn.denial.WorkQueue;
import org.overturn.security.Roles;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure every role and work queue exists as an engine group; never touches users. */
@Component
class IdentityBootstrap {

    private final IdentityService identity;

    IdentityBootstrap(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void createGroups() {
        for (String queue : WorkQueue.ALL) {
            ensureGroup(queue, "Queue: " + queue, Roles.QUEUE_GROUP_TYPE);
        }
        for (String role : Roles.ALL) {
            ensureGroup(role, "Role: " + role, Roles.GROUP_TYPE);
        }
        ensureGroup(Roles.CAMUNDA_ADMIN, "Engine administrators", "SYSTEM");
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }
}

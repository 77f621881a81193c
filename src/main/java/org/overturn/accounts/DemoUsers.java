package org.overturn.accounts;

import java.util.ArrayList;
import java.util.List;
import org.overturn.denial.WorkQueue;
import org.overturn.security.Roles;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The local run's users, all with password {@code demo}. Never created outside the demo and test profiles. */
@Component
@Profile({"demo", "test"})
class DemoUsers {

    static final String PASSWORD = "demo";
    private static final List<String> BILLING_QUEUES = List.of(WorkQueue.CODING, WorkQueue.AUTHORIZATIONS,
            WorkQueue.ELIGIBILITY, WorkQueue.CREDENTIALING, WorkQueue.APPEALS, WorkQueue.PATIENT_ACCOUNTS);

    private final UserAccounts accounts;

    DemoUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void create() {
        accounts.ensure("biller", "Bill", "Ing", PASSWORD, with(BILLING_QUEUES, Roles.BILLER));
        // works the first of the demo office's practices only (practice.DemoPractices)
        accounts.ensure("biller-a", "Bea", "Able", PASSWORD, with(BILLING_QUEUES, Roles.BILLER));
        // each works one practice of the office only (practice.DemoPractices): the psychiatric group; the SUD program,
        // whose records are all Part 2
        accounts.ensure("biller-b", "Bo", "Baker", PASSWORD, with(BILLING_QUEUES, Roles.BILLER));
        accounts.ensure("biller-c", "Cy", "Cole", PASSWORD, with(BILLING_QUEUES, Roles.BILLER, Roles.PART2));
        accounts.ensure("sud-biller", "Sue", "Dee", PASSWORD, with(BILLING_QUEUES, Roles.BILLER, Roles.PART2));
        accounts.ensure("parity", "Pat", "Parity", PASSWORD, List.of(WorkQueue.PARITY, Roles.PARITY_SPECIALIST));
        accounts.ensure("manager", "Mona", "Ager", PASSWORD, List.of(WorkQueue.MANAGERS, Roles.MANAGER));
        accounts.ensure("admin", "Ada", "Min", PASSWORD,
                with(WorkQueue.ALL, Roles.ADMIN, Roles.PART2, Roles.CAMUNDA_ADMIN));
    }

    private static List<String> with(List<String> groups, String... more) {
        List<String> all = new ArrayList<>(groups);
        all.addAll(List.of(more));
        return all;
    }
}

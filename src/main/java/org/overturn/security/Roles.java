package org.overturn.security;

import java.util.List;

/**
 * Roles are engine groups of type {@value #GROUP_TYPE}; work queues are groups of type
 * {@value #QUEUE_GROUP_TYPE}. A user's Spring authorities are {@code ROLE_<role>} and {@code QUEUE_<queue>}.
 */
public final class Roles {

    public static final String GROUP_TYPE = "ROLE";
    public static final String QUEUE_GROUP_TYPE = "WORK_QUEUE";

    public static final String BILLER = "biller";
    public static final String PARITY_SPECIALIST = "parity-specialist";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";
    /** May see substance-use records protected by 42 CFR Part 2. */
    public static final String PART2 = "part2";

    public static final List<String> ALL = List.of(BILLER, PARITY_SPECIALIST, MANAGER, ADMIN, PART2);

    /** The engine's own group whose members administer Cockpit and Admin. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private Roles() {
    }

    public static String authorityOfRole(String role) {
        return "ROLE_" + role;
    }

    public static String authorityOfQueue(String queue) {
        return "QUEUE_" + queue;
    }
}

/**
 * Billers' work: the queues they belong to, the tasks in each ordered by priority, and claiming and
 * completing tasks with their forms validated on the server.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "authorization", "correction", "denial", "letters", "parity", "practice", "regime", "remittance", "security",
        "workflow"})
package org.overturn.worklist;

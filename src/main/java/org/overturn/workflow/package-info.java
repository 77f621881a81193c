/**
 * The denial lifecycle process ({@code bpmn/denial-lifecycle.bpmn}): one instance per denial, started in the
 * transaction that stores the denial; later 835s for the same claim are correlated to it; its delegates move
 * the denial through its states.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "authorization", "claim", "correction", "denial", "letters", "parity", "part2", "remittance", "system"})
package org.overturn.workflow;

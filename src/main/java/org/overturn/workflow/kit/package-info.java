/**
 * The process kit: the beans both process models (denial lifecycle and parity escalation) call by expression
 * ({@code ${lifecyclePolicy...}}, {@code ${escalateToManagers}}, {@code ${recordConsent}},
 * {@code ${part2Disclosure...}}). A named interface, so a model's use of them is a declared dependency on this
 * package rather than on the workflow module's internals. Bean names are part of the models: do not rename them.
 */
@org.springframework.modulith.NamedInterface("kit")
package org.overturn.workflow.kit;

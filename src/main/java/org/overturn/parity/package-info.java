/**
 * Mental health parity: screens every appealable denial for a possible MHPAEA (or Medicaid managed care parity)
 * violation with the {@code parity-screen} decision table, and drives the escalation a parity specialist works:
 * review, a request for the plan's comparative analysis of the limitation, and a complaint to the regulator
 * of the plan when the answer is missing or inadequate or the appeal is upheld.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "codeset", "denial", "letters", "part2", "payer", "remittance", "security"})
package org.overturn.parity;

/**
 * Denials: which claim payments are denials (the DESIGN section 3 contract), why (root cause from the
 * CARC/RARC decision table), the official wording of every code, and where each denial is worked.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "authorization", "claim", "codeset", "part2", "payer", "practice", "regime", "remittance", "security"})
package org.overturn.denial;

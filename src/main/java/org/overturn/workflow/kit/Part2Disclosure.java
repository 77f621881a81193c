package org.overturn.workflow.kit;

import org.overturn.letters.Part2GatedSending;
import org.springframework.stereotype.Component;

/**
 * The 42 CFR Part 2 gate the lifecycle asks before a letter leaves ({@code ${part2Disclosure...}}): a denial
 * that is a Part 2 record may be disclosed only under a valid consent of the patient covering each recipient: the
 * payer, and the reviewer or regulator the letter is addressed to. Read from the database each time, so a consent revoked or a program flagged meanwhile counts.
 */
// public: the model calls it by expression (the EL resolver needs a public class); the rule itself is letters' (Part2GatedSending)
@Component("part2Disclosure")
public class Part2Disclosure {

    private final Part2GatedSending gate;

    Part2Disclosure(Part2GatedSending gate) {
        this.gate = gate;
    }

    /** No valid consent covers the payer, or the one the pending letter is addressed to (a reviewer, a regulator). */
    public boolean consentMissing(Object denialId) {
        long id = ((Number) denialId).longValue();
        return !gate.permission(id).allowed() || gate.uncovered(id).isPresent();
    }
}

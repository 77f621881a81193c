package org.overturn.workflow.kit;

import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.part2.PatientConsents;
import org.springframework.stereotype.Component;

/**
 * The 42 CFR Part 2 gate the lifecycle asks before a letter leaves ({@code ${part2Disclosure...}}): a denial
 * that is a Part 2 record may be disclosed to its payer only under a valid consent of the patient naming
 * that payer. Read from the database each time, so a consent revoked or a program flagged meanwhile counts.
 */
// public: the model calls it by expression (the EL resolver needs a public class), and SendAppeal checks it
@Component("part2Disclosure")
public class Part2Disclosure {

    /** Whether the letter may go, and under which consent (null for a record outside Part 2). */
    public record Permission(boolean allowed, Long consentId) {
    }

    private final Denials denials;
    private final PatientConsents consents;

    Part2Disclosure(Denials denials, PatientConsents consents) {
        this.denials = denials;
        this.consents = consents;
    }

    public boolean consentMissing(Object denialId) {
        return !check(((Number) denialId).longValue()).allowed();
    }

    public Permission check(long denialId) {
        DenialView denial = denials.find(denialId)
                .orElseThrow(() -> new IllegalStateException("No denial " + denialId));
        if (!denial.part2()) {
            return new Permission(true, null);
        }
        return consents.validForDenial(denialId).map(c -> new Permission(true, c.id()))
                .orElse(new Permission(false, null));
    }
}

package org.overturn.denial;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.overturn.claim.ClaimAnswers;
import org.overturn.part2.Part2ProgramFlagged;
import org.overturn.remittance.Part2Records;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A provider flagged as a Part 2 program: its claims (remittance, and those answering claims it billed or rendered
 * by the 837) and their denials become Part 2 records.
 * Synchronous, in the flagging transaction, so no list or view ever shows a record of the program unprotected
 * once the flag is committed.
 */
@Component
class Part2ProgramSweep {

    private final Part2Records claims;
    private final ClaimAnswers answers;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    Part2ProgramSweep(Part2Records claims, ClaimAnswers answers, JdbcTemplate jdbc, AuditTrail audit) {
        this.answers = answers;
        this.claims = claims;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void flagged(Part2ProgramFlagged event) {
        Set<Long> ids = new LinkedHashSet<>(claims.markRenderedBy(event.npi()));
        List<Long> billed = answers.paymentsOfClaimsBy(event.npi());
        claims.mark(billed);
        ids.addAll(billed);
        List<Long> claimIds = List.copyOf(ids);
        int denials = claimIds.isEmpty() ? 0 : jdbc.update(
                "update denial set part2 = true where claim_payment_id = any(?) and not part2",
                (Object) claimIds.toArray(Long[]::new));
        audit.recordWithin(event.flaggedBy(), AuditAction.PART2_PROGRAM_CHANGED, "part2-program", event.npi(),
                claimIds.size() + " claim(s) rendered by the program, " + denials + " denial(s) newly marked Part 2");
    }
}

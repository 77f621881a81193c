package org.overturn.remittance;

import java.util.List;
import org.overturn.part2.Part2Programs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides once, when a claim is stored, whether it is a 42 CFR Part 2 record, from every fact the 835 gives:
 * a substance-use procedure or revenue code on any line, or a billing or rendering provider flagged as a Part 2
 * program: the payee the 835 pays (N1*PE, the billing provider, by NPI), the claim's rendering provider (NM1*82) or
 * a line's (REF*HPI). The answer is stored with the claim
 * ({@code claim_payment.part2}) and copied to its denial, and every view reads the stored flag.
 */
@Service
public class Part2Records {

    private final Part2Programs programs;
    private final JdbcTemplate jdbc;

    Part2Records(Part2Programs programs, JdbcTemplate jdbc) {
        this.programs = programs;
        this.jdbc = jdbc;
    }

    /** Whether the claim, paid to that payee (its NPI, or null), is a Part 2 record. */
    public boolean isPart2(ClaimPayment claim, String payeeNpi) {
        return programs.isProgram(payeeNpi) || isPart2(claim);
    }

    /**
     * Whether the stored claim payment is a Part 2 record: as decided when it was stored (which saw its payee), or
     * from its own facts now (a program flagged since).
     */
    public boolean isPart2(long claimPaymentId, ClaimPayment claim) {
        return isPart2(claim) || Boolean.TRUE.equals(jdbc.query("select part2 from claim_payment where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, claimPaymentId));
    }

    public boolean isPart2(ClaimPayment claim) {
        if (SubstanceUseServices.touchesSubstanceUse(claim)) {
            return true;
        }
        if (claim.renderingProvider() != null && programs.isProgram(claim.renderingProvider().id())) {
            return true;
        }
        return claim.lines().stream().anyMatch(line -> programs.isProgram(lineRenderingProvider(line)));
    }

    /** The line's own rendering provider (REF*HPI), when the payer names one. */
    public static String lineRenderingProvider(ServiceLine line) {
        return line.references().get("HPI");
    }

    /** Marks claim payments as Part 2 records for a fact the 835 does not carry (the claim as billed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mark(List<Long> claimPaymentIds) {
        if (!claimPaymentIds.isEmpty()) {
            jdbc.update("update claim_payment set part2 = true where id = any(?) and not part2",
                    (Object) claimPaymentIds.toArray(Long[]::new));
        }
    }

    /**
     * A provider was flagged as a Part 2 program: every stored claim it rendered, at claim or line level, or was paid
     * for as the payee (the billing provider), becomes a Part 2 record. Answers the ids of all those claims, marked now or before, in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> markRenderedBy(String npi) {
        List<Long> ids = jdbc.queryForList("""
                select id from claim_payment where rendering_provider_npi = ?
                union
                select claim_payment_id from service_line where rendering_provider_npi = ?
                union
                select cp.id from claim_payment cp join remittance r on r.id = cp.remittance_id
                 where r.payee_id_qualifier = 'XX' and r.payee_id = ?
                """, Long.class, npi, npi, npi);
        if (!ids.isEmpty()) {
            jdbc.update("update claim_payment set part2 = true where id = any(?) and not part2",
                    (Object) ids.toArray(Long[]::new));
        }
        return ids;
    }
}

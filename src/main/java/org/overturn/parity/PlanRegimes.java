package org.overturn.parity;

import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PlanType;
import org.springframework.stereotype.Service;

/** The parity regime of a payer's plan, from what the payer directory and the payer's parity facts say. */
@Service
public class PlanRegimes {

    private final PayerDirectory directory;
    private final PayerParityFacts facts;

    PlanRegimes(PayerDirectory directory, PayerParityFacts facts) {
        this.directory = directory;
        this.facts = facts;
    }

    /** The regime for a denial's plan type (the directory's, else CLP06's) and payer. */
    public ParityRegime of(String planType, String payerId, ParityFacts payerFacts) {
        PlanType type = directory.planType(payerId).orElseGet(() -> planType(planType));
        return ParityRegime.of(type, directory.appealTerms(payerId), payerFacts);
    }

    public ParityRegime of(String planType, String payerId) {
        return of(planType, payerId, facts.of(payerId));
    }

    private static PlanType planType(String name) {
        try {
            return name == null ? PlanType.OTHER : PlanType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return PlanType.OTHER;
        }
    }
}

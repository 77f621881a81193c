package org.overturn.payer;

/**
 * How a commercial plan is funded or sold, which decides whose appeal rules apply: an employer's group plan is an
 * ERISA plan (29 CFR 2560.503-1); a plan bought on the individual market, a government employer's plan and a church
 * plan are not, and follow the state's internal and external review instead.
 */
public enum PlanFunding {
    EMPLOYER_GROUP, INDIVIDUAL_MARKET, GOVERNMENT, CHURCH;

    /** Whether ERISA's claims procedure governs the plan's appeals. */
    public boolean erisa() {
        return this == EMPLOYER_GROUP;
    }
}

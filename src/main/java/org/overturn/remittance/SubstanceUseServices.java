package org.overturn.remittance;

import org.overturn.codeset.BehavioralHealthCodes;

/**
 * Recognises claims for substance-use disorder services, whose records fall under 42 CFR Part 2: they may
 * reach a payer only with the patient's consent and are shown only to users allowed to see Part 2 data. The codes
 * are the shared code set's ({@link org.overturn.codeset.CodeSet#SUBSTANCE_USE}), the same list the levels of care
 * are read from.
 */
public final class SubstanceUseServices {

    private static final BehavioralHealthCodes CODES = BehavioralHealthCodes.shipped();

    private SubstanceUseServices() {
    }

    public static boolean isSubstanceUseRevenueCode(String revenueCode) {
        return revenueCode != null && revenueCode.trim().chars().allMatch(Character::isDigit)
                && CODES.isSubstanceUse(revenueCode);
    }

    /** The line names a substance-use service by procedure (as paid or as billed) or by revenue code. */
    public static boolean isSubstanceUseLine(ServiceLine line) {
        return isSubstanceUseService(line.procedure()) || isSubstanceUseService(line.originalProcedure())
                || isSubstanceUseRevenueCode(line.revenueCode())
                || "NU".equals(line.procedureQualifier()) && isSubstanceUseRevenueCode(line.procedure());
    }

    /** A procedure (HCPCS/CPT) or revenue code of a substance-use service. */
    public static boolean isSubstanceUseService(String procedure) {
        return procedure != null && CODES.isSubstanceUse(procedure);
    }

    public static boolean touchesSubstanceUse(ClaimPayment claim) {
        return claim.lines().stream().anyMatch(SubstanceUseServices::isSubstanceUseLine);
    }
}

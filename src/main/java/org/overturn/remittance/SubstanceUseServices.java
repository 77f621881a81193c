package org.overturn.remittance;

import java.util.Set;

/**
 * Recognises claims for substance-use disorder services, whose records fall under 42 CFR Part 2: they may
 * reach a payer only with the patient's consent and are shown only to users allowed to see Part 2 data.
 */
public final class SubstanceUseServices {

    /**
     * HCPCS H0001-H0020 (alcohol and drug services: assessment, detox, residential, IOP, methadone), H0022,
     * H0047 and H0050 (other alcohol/drug services), G2067-G2080 (opioid treatment program bundles), and
     * 99408/99409 (alcohol/substance screening and brief intervention).
     */
    private static final Set<String> CODES = Set.of(
            "H0001", "H0002", "H0003", "H0004", "H0005", "H0006", "H0007", "H0008", "H0009", "H0010",
            "H0011", "H0012", "H0013", "H0014", "H0015", "H0016", "H0017", "H0018", "H0019", "H0020",
            "H0022", "H0047", "H0050",
            "G2067", "G2068", "G2069", "G2070", "G2071", "G2072", "G2073", "G2074", "G2075", "G2076",
            "G2077", "G2078", "G2079", "G2080",
            "99408", "99409");

    /**
     * NUBC revenue codes that name substance-use care on an institutional claim (SVC04, or SVC01 with qualifier NU):
     * room and board for detoxification in a private, semi-private, 3-4 bed, deluxe or ward room (0116, 0126,
     * 0136, 0146, 0156), intensive outpatient services for chemical dependency (0906), drug and alcohol
     * rehabilitation (0944, 0945), and residential chemical-dependency accommodation (1002). Source: the NUBC
     * revenue code list as published in ResDAC's "Revenue Center Code" code book (FFS), read 2026.
     */
    private static final Set<String> REVENUE_CODES = Set.of(
            "0116", "0126", "0136", "0146", "0156", "0906", "0944", "0945", "1002");

    private SubstanceUseServices() {
    }

    public static boolean isSubstanceUseRevenueCode(String revenueCode) {
        return revenueCode != null && REVENUE_CODES.contains(revenueCode);
    }

    /** The line names a substance-use service by procedure (as paid or as billed) or by revenue code. */
    public static boolean isSubstanceUseLine(ServiceLine line) {
        return isSubstanceUseService(line.procedure()) || isSubstanceUseService(line.originalProcedure())
                || isSubstanceUseRevenueCode(line.revenueCode())
                || "NU".equals(line.procedureQualifier()) && isSubstanceUseRevenueCode(line.procedure());
    }

    public static boolean isSubstanceUseService(String procedure) {
        return procedure != null && CODES.contains(procedure);
    }

    public static boolean touchesSubstanceUse(ClaimPayment claim) {
        return claim.lines().stream().anyMatch(SubstanceUseServices::isSubstanceUseLine);
    }
}

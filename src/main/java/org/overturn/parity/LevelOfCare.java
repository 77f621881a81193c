package org.overturn.parity;

import java.util.Collection;
import java.util.Set;

/**
 * The level of care of a claim's services, from its HCPCS/CPT and revenue codes: parity cases turn on it,
 * because criteria and exclusions for intermediate levels (IOP, PHP, residential) are where plans most often
 * treat mental health and substance use care more strictly than comparable medical care.
 */
public enum LevelOfCare {
    OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, RESIDENTIAL, WITHDRAWAL_MANAGEMENT, INPATIENT;

    private static final Set<String> IOP = Set.of("S9480", "H0015", "S9475", "H2036", "0905", "0906");
    private static final Set<String> PHP = Set.of("H0035", "S0201", "0912", "0913");
    private static final Set<String> RESIDENTIAL_CODES = Set.of("H0017", "H0018", "H0019", "T2048", "1001", "1002");
    private static final Set<String> DETOX = Set.of("H0008", "H0009", "H0010", "H0011", "H0012", "H0013",
            "H0014", "0116", "0126", "0136", "0146", "0156");
    private static final Set<String> INPATIENT_CODES = Set.of("99221", "99222", "99223", "99231", "99232",
            "99233", "0114", "0124", "0134", "0144", "0154");

    /** The most intensive level any of the codes stands for; outpatient when none names one. */
    public static LevelOfCare of(Collection<String> codes) {
        LevelOfCare level = OUTPATIENT;
        for (String code : codes) {
            if (code == null) {
                continue;
            }
            LevelOfCare found = INPATIENT_CODES.contains(code) ? INPATIENT
                    : RESIDENTIAL_CODES.contains(code) ? RESIDENTIAL
                    : DETOX.contains(code) ? WITHDRAWAL_MANAGEMENT
                    : PHP.contains(code) ? PARTIAL_HOSPITALIZATION
                    : IOP.contains(code) ? INTENSIVE_OUTPATIENT
                    : OUTPATIENT;
            if (found.ordinal() > level.ordinal()) {
                level = found;
            }
        }
        return level;
    }
}

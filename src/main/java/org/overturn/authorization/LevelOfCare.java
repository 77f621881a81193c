package org.overturn.authorization;

import java.util.Collection;
import java.util.Set;

/**
 * The level of care an authorization approves, and the level a billed service stands for. Each step down
 * (inpatient, residential, partial hospitalization, intensive outpatient, outpatient) needs its own
 * authorization, so a claim for PHP under an IOP authorization is the wrong service.
 *
 * <p>The codes are those of {@code parity.LevelOfCare}, which parity screens with; this module cannot use it
 * (parity depends on letters, which shows this module's findings), so the table is repeated here and a test keeps
 * the two equal.
 */
public enum LevelOfCare {
    OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, RESIDENTIAL, WITHDRAWAL_MANAGEMENT, INPATIENT;

    static final Set<String> IOP = Set.of("S9480", "H0015", "S9475", "H2036", "0905", "0906");
    static final Set<String> PHP = Set.of("H0035", "S0201", "0912", "0913");
    static final Set<String> RESIDENTIAL_CODES = Set.of("H0017", "H0018", "H0019", "T2048", "1001", "1002");
    static final Set<String> DETOX = Set.of("H0008", "H0009", "H0010", "H0011", "H0012", "H0013",
            "H0014", "0116", "0126", "0136", "0146", "0156");
    static final Set<String> INPATIENT_CODES = Set.of("99221", "99222", "99223", "99231", "99232",
            "99233", "0114", "0124", "0134", "0144", "0154");

    /** The level one code stands for; outpatient when it names none. */
    public static LevelOfCare of(String code) {
        if (code == null) {
            return OUTPATIENT;
        }
        return INPATIENT_CODES.contains(code) ? INPATIENT
                : RESIDENTIAL_CODES.contains(code) ? RESIDENTIAL
                : DETOX.contains(code) ? WITHDRAWAL_MANAGEMENT
                : PHP.contains(code) ? PARTIAL_HOSPITALIZATION
                : IOP.contains(code) ? INTENSIVE_OUTPATIENT
                : OUTPATIENT;
    }

    /** The most intensive level any of the codes stands for; outpatient when none names one. */
    public static LevelOfCare of(Collection<String> codes) {
        LevelOfCare level = OUTPATIENT;
        for (String code : codes) {
            LevelOfCare found = of(code);
            if (found.ordinal() > level.ordinal()) {
                level = found;
            }
        }
        return level;
    }

    /** "Intensive outpatient", as a page or letter says it. */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

package org.overturn.authorization;

import java.util.Collection;
import org.overturn.codeset.BehavioralHealthCodes;
import org.overturn.codeset.CodeSet;

/**
 * The level of care an authorization approves, and the level a billed service stands for. Each step down
 * (inpatient, residential, partial hospitalization, intensive outpatient, outpatient) needs its own
 * authorization, so a claim for PHP under an IOP authorization is the wrong service.
 *
 * <p>The codes are the shared code set's ({@link BehavioralHealthCodes}), the same list {@code parity.LevelOfCare}
 * screens with and the Part 2 rules read substance-use services from.
 */
public enum LevelOfCare {
    OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, RESIDENTIAL, WITHDRAWAL_MANAGEMENT, INPATIENT;

    private static final BehavioralHealthCodes CODES = BehavioralHealthCodes.shipped();

    /** The level one code stands for; outpatient when it names none. */
    public static LevelOfCare of(String code) {
        if (code == null) {
            return OUTPATIENT;
        }
        return CODES.contains(CodeSet.LEVEL_INPATIENT, code) ? INPATIENT
                : CODES.contains(CodeSet.LEVEL_RESIDENTIAL, code) ? RESIDENTIAL
                : CODES.contains(CodeSet.LEVEL_WITHDRAWAL_MANAGEMENT, code) ? WITHDRAWAL_MANAGEMENT
                : CODES.contains(CodeSet.LEVEL_PHP, code) ? PARTIAL_HOSPITALIZATION
                : CODES.contains(CodeSet.LEVEL_IOP, code) ? INTENSIVE_OUTPATIENT
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

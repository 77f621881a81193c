package org.overturn.parity;

import java.util.Collection;
import org.overturn.codeset.BehavioralHealthCodes;
import org.overturn.codeset.CodeSet;

/**
 * The level of care of a claim's services, from its HCPCS/CPT and revenue codes: parity cases turn on it,
 * because criteria and exclusions for intermediate levels (IOP, PHP, residential) are where plans most often
 * treat mental health and substance use care more strictly than comparable medical care. The codes of each level
 * are the shared code sets' ({@link BehavioralHealthCodes}).
 */
public enum LevelOfCare {
    OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, RESIDENTIAL, WITHDRAWAL_MANAGEMENT, INPATIENT;

    private static final BehavioralHealthCodes CODES = BehavioralHealthCodes.shipped();

    /** The most intensive level any of the codes stands for; outpatient when none names one. */
    public static LevelOfCare of(Collection<String> codes) {
        LevelOfCare level = OUTPATIENT;
        for (String code : codes) {
            if (code == null) {
                continue;
            }
            LevelOfCare found = CODES.contains(CodeSet.LEVEL_INPATIENT, code) ? INPATIENT
                    : CODES.contains(CodeSet.LEVEL_RESIDENTIAL, code) ? RESIDENTIAL
                    : CODES.contains(CodeSet.LEVEL_WITHDRAWAL_MANAGEMENT, code) ? WITHDRAWAL_MANAGEMENT
                    : CODES.contains(CodeSet.LEVEL_PHP, code) ? PARTIAL_HOSPITALIZATION
                    : CODES.contains(CodeSet.LEVEL_IOP, code) ? INTENSIVE_OUTPATIENT
                    : OUTPATIENT;
            if (found.ordinal() > level.ordinal()) {
                level = found;
            }
        }
        return level;
    }
}

package org.overturn.parity;

import java.time.Instant;

/**
 * What the parity screen decided for one denial, and why.
 *
 * @param regime     the law family the decision table applied: MHPAEA, MEDICAID_MANAGED_CARE or NONE
 * @param planRegime the plan's parity regime ({@link ParityRegime}); UNKNOWN while the directory cannot tell
 * @param signal     what the claim's codes and the payer's facts pointed to beyond root cause and CARCs
 */
public record ScreenResult(long denialId, String regime, String limitation, Risk risk, String reason,
                           String planType, LevelOfCare levelOfCare, Instant screenedAt, ParityRegime planRegime,
                           LimitationSignal signal) {

    public enum Risk { NONE, POSSIBLE, LIKELY }

    /** A result without the plan's regime (screened before issue 18). */
    public ScreenResult(long denialId, String regime, String limitation, Risk risk, String reason, String planType,
                        LevelOfCare levelOfCare, Instant screenedAt) {
        this(denialId, regime, limitation, risk, reason, planType, levelOfCare, screenedAt, ParityRegime.UNKNOWN,
                LimitationSignal.NONE);
    }

    public boolean concern() {
        return risk != Risk.NONE;
    }

    /** The limitation in words for letters and pages. */
    public String limitationLabel() {
        return Limitations.label(limitation);
    }

    /** Whether the screen waits for the payer directory to say which regime binds the plan. */
    public boolean asksForRegime() {
        return planRegime == ParityRegime.UNKNOWN;
    }
}

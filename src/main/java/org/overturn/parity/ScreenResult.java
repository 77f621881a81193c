package org.overturn.parity;

import java.time.Instant;

/** What the parity screen decided for one denial, and why. */
public record ScreenResult(long denialId, String regime, String limitation, Risk risk, String reason,
                           String planType, LevelOfCare levelOfCare, Instant screenedAt) {

    public enum Risk { NONE, POSSIBLE, LIKELY }

    public boolean concern() {
        return risk != Risk.NONE;
    }

    /** The limitation in words for letters and pages. */
    public String limitationLabel() {
        return Limitations.label(limitation);
    }
}

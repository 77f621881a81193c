package org.overturn.remittance;

import java.math.BigDecimal;

/**
 * One reason/amount/quantity triplet of a CAS segment (a CAS holds up to six). A claim-level CAS belongs to
 * the CLP; a line-level one to the SVC above it.
 *
 * @param group    CAS01: CO, PR, OA, PI (and CR in old files)
 * @param reason   the CARC
 * @param quantity null when not sent
 */
public record Adjustment(Level level, String group, String reason, BigDecimal amount, BigDecimal quantity) {

    public enum Level { CLAIM, LINE }
}

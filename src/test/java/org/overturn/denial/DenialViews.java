package org.overturn.denial;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Denials as other modules see them, for unit tests of what reads them. */
public final class DenialViews {

    private DenialViews() {
    }

    /** An open appealable denial: medical necessity, worked in the appeals queue. */
    public static DenialView medicalNecessity(long id, String amountAtRisk, int priority) {
        return of(id, RootCause.MEDICAL_NECESSITY, WorkPath.APPEAL, amountAtRisk, priority);
    }

    /** An open denial of this root cause and path; correctable when the path is a correction, else appealable. */
    public static DenialView of(long id, RootCause rootCause, WorkPath path, String amountAtRisk, int priority) {
        boolean correctable = path == WorkPath.CORRECT;
        return new DenialView(id, id * 10, "PCN" + id, "P1", "ACME", DenialKind.FULL, "50", rootCause,
                rootCause.queue(), correctable, !correctable, null,
                new BigDecimal(amountAtRisk), DenialStatus.OPEN, false, LocalDate.of(2026, 3, 1), Instant.EPOCH,
                "COMMERCIAL", null, priority, 1, null, null, null, path);
    }
}

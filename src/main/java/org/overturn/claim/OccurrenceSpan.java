package org.overturn.claim;

import java.time.LocalDate;

/** An institutional occurrence span (HI*BI): a code with the days it covers. */
public record OccurrenceSpan(String code, LocalDate from, LocalDate to) {
}

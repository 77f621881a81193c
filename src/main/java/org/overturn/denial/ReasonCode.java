package org.overturn.denial;

import java.time.LocalDate;

/**
 * One entry of a code list (CARC or RARC): the code, its official wording, and when it was in use.
 *
 * @param startDate null when the list did not say
 * @param stopDate  the date the code was deactivated, or null while it is in use
 * @param active    whether payers may still send it (old remits still carry deactivated codes)
 */
public record ReasonCode(String code, String description, LocalDate startDate, LocalDate stopDate, boolean active) {
}

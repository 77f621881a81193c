package org.overturn.denial;

import java.time.LocalDate;
import org.overturn.regime.AppealRegime;

/**
 * The {@code "appeal"} of {@code GET /api/denials/{id}} (DESIGN section 3): the denial's regime, the level now
 * worked (from 1), its name, the last day to file it, and who receives it. {@code dueOn} is null for a level with
 * nothing to file (an adverse Medicare Advantage reconsideration goes to the IRE by itself).
 */
public record AppealStep(AppealRegime regime, int level, String levelName, LocalDate dueOn, String recipient) {
}

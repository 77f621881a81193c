package org.overturn.denial;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.overturn.regime.AppealRegime;

/**
 * The {@code "appeal"} of {@code GET /api/denials/{id}} (DESIGN section 3): the denial's regime, the level now
 * worked (from 1), its name, the last day to file it, and who receives it. {@code dueOn} is null for a level with
 * nothing to file (an adverse Medicare Advantage reconsideration goes to the IRE by itself). A denial of ongoing
 * care whose regime grants an expedited appeal at this level is {@code expedited}; once that appeal is filed,
 * {@code dueAt} is when the deciding body's clock (72 hours) runs out. {@code peerToPeerDueAt} is the end of the
 * payer's peer-to-peer window when one is offered and known. The three urgent fields are left out of the JSON
 * when they say nothing, so the contract's five fields stay what every other denial carries.
 */
public record AppealStep(AppealRegime regime, int level, String levelName, LocalDate dueOn, String recipient,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean expedited,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Instant peerToPeerDueAt) {

    public AppealStep(AppealRegime regime, int level, String levelName, LocalDate dueOn, String recipient) {
        this(regime, level, levelName, dueOn, recipient, false, null, null);
    }

    /** This step as an urgent appeal shows it. */
    public AppealStep with(UrgentAppeals.UrgentAppeal urgent) {
        return new AppealStep(regime, level, levelName, dueOn, recipient, urgent.expeditedOffered(),
                urgent.expeditedDecisionDueAt(), urgent.peerToPeerDueAt());
    }
}

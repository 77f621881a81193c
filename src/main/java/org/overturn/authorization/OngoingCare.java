package org.overturn.authorization;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A concurrent-review or level-of-care denial of a stay: CARC 186 (level of care change), 150 (the information does
 * not support this level of service) or 198 (authorization exceeded) on an inpatient, residential, withdrawal
 * management, partial hospitalization or intensive outpatient claim. While the stay goes on such a denial is urgent:
 * the patient may lose the level of care before a standard appeal is decided, so it is offered an expedited appeal
 * and a peer-to-peer review.
 */
public final class OngoingCare {

    static final Set<String> REVIEW_REASONS = Set.of("186", "150", "198");
    static final Set<LevelOfCare> STAYS = Set.of(LevelOfCare.INPATIENT, LevelOfCare.RESIDENTIAL,
            LevelOfCare.WITHDRAWAL_MANAGEMENT, LevelOfCare.PARTIAL_HOSPITALIZATION, LevelOfCare.INTENSIVE_OUTPATIENT);

    private OngoingCare() {
    }

    /** The CARCs of a review denial; a claim with none of them is never a stay's review denial. */
    public static Set<String> reviewReasons() {
        return REVIEW_REASONS;
    }

    /**
     * The level of care of the stay a review denied, when the reasons name one of the review codes and the billed
     * procedure and revenue codes stand for a stay; empty otherwise.
     */
    public static Optional<LevelOfCare> reviewDenialOf(Collection<String> reasons, Collection<String> codes) {
        if (reasons.stream().noneMatch(REVIEW_REASONS::contains)) {
            return Optional.empty();
        }
        LevelOfCare level = LevelOfCare.of(codes);
        return STAYS.contains(level) ? Optional.of(level) : Optional.empty();
    }

    /**
     * Whether the stay is still going on when the payer answered: the claim is an interim bill (837I frequency 2
     * or 3: the first or a continuing claim of a stay not yet ended), or its last billed day is at most
     * {@code withinDays} before the remittance.
     */
    public static boolean stillGoingOn(String frequency, LocalDate lastServiceDate, LocalDate remittanceDate,
                                       int withinDays) {
        if ("2".equals(frequency) || "3".equals(frequency)) {
            return true;
        }
        return lastServiceDate != null && remittanceDate != null
                && ChronoUnit.DAYS.between(lastServiceDate, remittanceDate) <= withinDays;
    }
}

package org.overturn.payer;

/**
 * What the practice knows about a payer: where appeals go, how long each appeal level and a first filing may take,
 * and how it wants corrected claims. {@code needsReview} is set while the terms are the defaults an 835 brought in.
 * {@code claimStatusDays}: the days a claim may go unanswered before a 276 claim status request asks about it; null
 * for the configured default.
 */
public record PayerProfile(String id, String name, PlanType planType, String appealEmail,
        int appealLimitDays, Integer secondLevelAppealLimitDays, Integer thirdLevelAppealLimitDays,
        int timelyFilingDays, String correctedClaimRules, String addressLine1, String addressLine2,
        String city, String state, String postalCode, String phone, boolean needsReview, Integer claimStatusDays) {

    /** A profile with the default days before a claim status request. */
    public PayerProfile(String id, String name, PlanType planType, String appealEmail, int appealLimitDays,
                        Integer secondLevelAppealLimitDays, Integer thirdLevelAppealLimitDays, int timelyFilingDays,
                        String correctedClaimRules, String addressLine1, String addressLine2, String city,
                        String state, String postalCode, String phone, boolean needsReview) {
        this(id, name, planType, appealEmail, appealLimitDays, secondLevelAppealLimitDays, thirdLevelAppealLimitDays,
                timelyFilingDays, correctedClaimRules, addressLine1, addressLine2, city, state, postalCode, phone,
                needsReview, null);
    }

    /** appeal limit for level 1, 2, 3 (falls back to the level-1 limit when a level has none) */
    public int appealLimitDays(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("appeal levels start at 1, not " + level);
        }
        Integer limit = switch (level) {
            case 2 -> secondLevelAppealLimitDays;
            case 3 -> thirdLevelAppealLimitDays;
            default -> null;
        };
        return limit == null ? appealLimitDays : limit;
    }
}

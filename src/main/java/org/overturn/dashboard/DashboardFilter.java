package org.overturn.dashboard;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a manager narrows the dashboard to: remittances paid from {@code from} to {@code to} (both inclusive,
 * either open), one payer (its id or name) and one practice, or everything; always within the practices the user is
 * assigned to.
 *
 * @param practice  the practice chosen in the filter; null: every practice of the user's
 * @param practices the practices the user is assigned to; null: every practice (an administrator, or the system)
 */
public record DashboardFilter(LocalDate from, LocalDate to, String payer, Long practice, Set<Long> practices) {

    public static final DashboardFilter ALL = new DashboardFilter(null, null, null);

    public DashboardFilter {
        payer = payer == null || payer.isBlank() ? null : payer.trim();
        practices = practices == null ? null : Set.copyOf(practices);
    }

    public DashboardFilter(LocalDate from, LocalDate to, String payer) {
        this(from, to, payer, null, null);
    }

    /** Every practice of {@code practices}, none chosen. */
    public DashboardFilter(LocalDate from, LocalDate to, String payer, Set<Long> practices) {
        this(from, to, payer, null, practices);
    }

    /**
     * The filter within the practices this user works, narrowed to one of them when {@code practice} is given (one
     * the user does not work narrows to nothing; the pages refuse it before).
     */
    public static DashboardFilter of(LocalDate from, LocalDate to, String payer, Long practice,
                                     org.overturn.security.CurrentUser user,
                                     org.overturn.security.PracticeAccess access) {
        return new DashboardFilter(from, to, payer, practice,
                access.limitOf(user));
    }

    /**
     * The practices the figures count: the chosen one when the user is assigned to it (none otherwise), else the
     * user's; null when they count every practice.
     */
    Set<Long> counted() {
        if (practice != null) {
            return practices == null || practices.contains(practice) ? Set.of(practice) : Set.of();
        }
        return practices;
    }
}

package org.overturn.dashboard;

import java.time.LocalDate;

/**
 * What a manager narrows the dashboard to: remittances paid from {@code from} to {@code to} (both inclusive,
 * either open) and one payer (its id or name), or everything; always within {@code practices}, the practices whose
 * figures the user may see (null: every practice, an administrator's dashboard; empty: none).
 */
public record DashboardFilter(LocalDate from, LocalDate to, String payer, java.util.Set<Long> practices) {

    public static final DashboardFilter ALL = new DashboardFilter(null, null, null);

    public DashboardFilter {
        payer = payer == null || payer.isBlank() ? null : payer.trim();
        practices = practices == null ? null : java.util.Set.copyOf(practices);
    }

    public DashboardFilter(LocalDate from, LocalDate to, String payer) {
        this(from, to, payer, null);
    }

    /**
     * The filter within the practices this user works, narrowed to one of them when {@code practice} is given (one
     * the user does not work narrows to nothing).
     */
    public static DashboardFilter of(LocalDate from, LocalDate to, String payer, Long practice,
                                     org.overturn.security.CurrentUser user,
                                     org.overturn.security.PracticeAccess access) {
        java.util.Set<Long> mine = access.seesEveryPractice(user) ? null : access.practicesOf(user);
        if (practice != null) {
            mine = mine == null || mine.contains(practice) ? java.util.Set.of(practice) : java.util.Set.of();
        }
        return new DashboardFilter(from, to, payer, mine);
    }
}

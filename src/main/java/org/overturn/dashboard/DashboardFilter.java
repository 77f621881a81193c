package org.overturn.dashboard;

import java.time.LocalDate;

/**
 * What a manager narrows the dashboard to: remittances paid from {@code from} to {@code to} (both inclusive,
 * either open) and one payer (its id or name), or everything.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String payer) {

    public static final DashboardFilter ALL = new DashboardFilter(null, null, null);

    public DashboardFilter {
        payer = payer == null || payer.isBlank() ? null : payer.trim();
    }
}

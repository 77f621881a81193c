package org.overturn.authorization;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an active authorization counts as running out, so the authorizations queue asks for more before the next
 * claim is denied.
 *
 * @param daysBeforeEnd    its span ends within this many days
 * @param unitsLeftShare   what is left of the units, visits or days approved is at most this share of them
 * @param reviewWithinDays its next concurrent review is due within this many days (or overdue)
 * @param stayOngoingDays  a denied stay counts as still going on when its last billed day is at most this many days
 *                         before the remittance (an interim bill says so by itself)
 */
@ConfigurationProperties("overturn.authorizations.watch")
public record AuthorizationWatchProperties(@DefaultValue("14") int daysBeforeEnd,
                                           @DefaultValue("0.2") BigDecimal unitsLeftShare,
                                           @DefaultValue("3") int reviewWithinDays,
                                           @DefaultValue("14") int stayOngoingDays) {
}

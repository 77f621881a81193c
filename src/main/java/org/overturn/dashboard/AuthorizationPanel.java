package org.overturn.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.overturn.authorization.Authorization;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationWatchProperties;
import org.overturn.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's authorization panel: active authorizations ending within the watch's days, those whose units,
 * visits or days left are at most the watch's share of those approved (and how many are left on them), and the
 * authorization denials of each of the last twelve months, so the months before and after the prevention work
 * began can be compared.
 */
@Component
class AuthorizationPanel {

    static final int MONTHS = 12;

    /** Authorization denials first paid (remittance) in a month, with their dollars. */
    public record Month(YearMonth month, long denials, BigDecimal amountAtRisk) {
    }

    public record Figures(int expiring, int unitsAtRisk, BigDecimal unitsLeftAtRisk, List<Month> denialsByMonth) {
    }

    private final AuthorizationRegister register;
    private final AuthorizationWatchProperties watch;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuthorizationPanel(AuthorizationRegister register, AuthorizationWatchProperties watch, JdbcTemplate jdbc,
                       Clock clock) {
        this.register = register;
        this.watch = watch;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Null for a user who does not keep the register (the panel is not shown).
     *
     * @param practices the practices counted (the dashboard filter's); null: every practice
     */
    @Transactional(readOnly = true)
    public Figures figures(CurrentUser user, java.util.Set<Long> practices) {
        if (!AuthorizationRegister.keeps(user)) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        int expiring = 0;
        int unitsAtRisk = 0;
        BigDecimal left = BigDecimal.ZERO;
        for (var running : register.runningOut(user, watch, practices)) {
            Authorization a = running.authorization();
            if (ChronoUnit.DAYS.between(today, a.to()) <= watch.daysBeforeEnd()) {
                expiring++;
            }
            if (a.unitsApproved().signum() > 0
                    && a.unitsLeft().compareTo(a.unitsApproved().multiply(watch.unitsLeftShare())) <= 0) {
                unitsAtRisk++;
                left = left.add(a.unitsLeft());
            }
        }
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1);
        List<Month> months = new ArrayList<>();
        var counted = jdbc.queryForList("""
                select to_char(d.remittance_date, 'YYYY-MM') as month, count(*) as denials,
                       coalesce(sum(d.amount_at_risk), 0) as amount
                  from denial_report d
                 where d.root_cause = 'AUTHORIZATION' and d.remittance_date >= ?
                   and (?::bigint[] is null or d.practice_id = any(?))
                 group by 1""", first.atDay(1), ids(practices), ids(practices));
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = first.plusMonths(i);
            var row = counted.stream().filter(r -> month.toString().equals(r.get("month"))).findFirst();
            months.add(new Month(month, row.map(r -> ((Number) r.get("denials")).longValue()).orElse(0L),
                    row.map(r -> (BigDecimal) r.get("amount")).orElse(BigDecimal.ZERO)));
        }
        return new Figures(expiring, unitsAtRisk, left, months);
    }

    private static Long[] ids(java.util.Set<Long> practices) {
        return practices == null ? null : practices.toArray(Long[]::new);
    }
}

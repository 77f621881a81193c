package org.overturn.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The register entry a retro authorization approval stands for: the payer approved what the denied claim billed,
 * so the entry covers its procedure (or, without one, revenue) codes, the span of its dates of service and the units
 * billed, at the level of care those codes stand for, restricted to no provider.
 */
final class RetroApproval {

    private RetroApproval() {
    }

    static AuthorizationDraft draft(AuthorizationCheck.ClaimUnderCheck claim, String payerId, String payerName,
                                    String number) {
        Set<String> codes = new LinkedHashSet<>();
        BigDecimal units = BigDecimal.ZERO;
        List<LocalDate> dates = new ArrayList<>();
        for (AuthorizationCheck.BilledService s : claim.services()) {
            String code = s.procedure() != null ? s.procedure() : s.revenueCode();
            if (code != null) {
                codes.add(code);
            }
            units = units.add(s.units() == null ? BigDecimal.ONE : s.units());
            if (s.date() != null) {
                dates.add(s.date());
            }
        }
        LocalDate from = dates.stream().min(Comparator.naturalOrder()).orElse(null);
        LocalDate to = dates.stream().max(Comparator.naturalOrder()).orElse(null);
        LevelOfCare level = LevelOfCare.of(codes);
        // a stay is approved in days (a room-and-board line's units are its days); other care in units
        UnitType unitType = level == LevelOfCare.INPATIENT || level == LevelOfCare.RESIDENTIAL
                || level == LevelOfCare.WITHDRAWAL_MANAGEMENT ? UnitType.DAYS : UnitType.UNITS;
        String name = payerName == null || payerName.length() <= 60 ? payerName : payerName.substring(0, 60);
        return new AuthorizationDraft(payerId, name, claim.memberId(), null, number.strip(), level.name(),
                List.copyOf(codes), unitType.name(), AuthorizationRegister.plain(units).toPlainString(),
                Objects.toString(from, null), Objects.toString(to, null), null, null, null,
                AuthorizationStatus.APPROVED.name());
    }
}

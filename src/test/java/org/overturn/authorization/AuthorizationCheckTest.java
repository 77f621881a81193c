package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.overturn.authorization.internal.BilledUse;

class AuthorizationCheckTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    static Authorization authorization(long id, String number, List<String> codes, LevelOfCare level, UnitType type,
                                       int units, LocalDate from, LocalDate to) {
        return new Authorization(id, "P1", null, "M1", null, number, level, codes, type, BigDecimal.valueOf(units),
                from, to, null, null, null, AuthorizationStatus.APPROVED, AuthorizationSource.API, false,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.valueOf(units), Instant.EPOCH, "t", Instant.EPOCH, "t",
                new org.overturn.practice.PracticeRef(1, "P"));
    }

    static AuthorizationCheck.ClaimUnderCheck claim(String number, String code, LocalDate day) {
        return new AuthorizationCheck.ClaimUnderCheck("M1", Set.of("P1"), "PCN-9", number, "1497758544", null,
                List.of(new AuthorizationCheck.BilledService(day, code, null, BigDecimal.ONE, null)), 1);
    }

    static BilledUse.Line visit(String pcn, String number, LocalDate day, boolean answered, boolean paid) {
        return new BilledUse.Line(pcn, "M1", number, "90837", null, BigDecimal.ONE, day, answered, paid, 1);
    }

    @Test
    void theNumberOnTheClaimChoosesTheAuthorizationEvenWhenAnotherWouldFit() {
        var valid = authorization(1, "A-1", List.of("90837"), LevelOfCare.OUTPATIENT, UnitType.UNITS, 10,
                DAY.minusDays(30), DAY.plusDays(30));
        var old = authorization(2, "A-0", List.of("90837"), LevelOfCare.OUTPATIENT, UnitType.UNITS, 10,
                DAY.minusDays(90), DAY.minusDays(31));

        var result = AuthorizationCheck.decide(claim("A-0", "90837", DAY), List.of(valid, old), List.of());
        var unnamed = AuthorizationCheck.decide(claim(null, "90837", DAY), List.of(valid, old), List.of());

        assertThat(result.finding()).isEqualTo(AuthorizationFinding.EXPIRED);
        assertThat(result.authorization().number()).isEqualTo("A-0");
        assertThat(unnamed.finding()).isEqualTo(AuthorizationFinding.VALID_ON_FILE);
        assertThat(unnamed.authorization().number()).isEqualTo("A-1");
    }

    @Test
    void visitsCountDatesOfServiceAndDeniedOrLaterClaimsUseNothing() {
        var visits = authorization(1, "V-1", List.of(), LevelOfCare.OUTPATIENT, UnitType.VISITS, 2,
                DAY.minusDays(30), DAY.plusDays(30));
        var earlier = List.of(
                visit("PCN-1", "V-1", DAY.minusDays(7), true, true),
                // two lines of one day are one visit
                visit("PCN-2", "V-1", DAY.minusDays(7), false, false),
                visit("PCN-3", "V-1", DAY.minusDays(3), true, false),
                visit("PCN-4", "V-1", DAY.plusDays(7), false, false));

        assertThat(AuthorizationCheck.decide(claim("V-1", "90834", DAY), List.of(visits), earlier).finding())
                .as("1 visit before, this one the second").isEqualTo(AuthorizationFinding.VALID_ON_FILE);

        var more = new java.util.ArrayList<>(earlier);
        more.add(visit("PCN-5", "V-1", DAY.minusDays(1), false, false));
        assertThat(AuthorizationCheck.decide(claim("V-1", "90834", DAY), List.of(visits), more).finding())
                .isEqualTo(AuthorizationFinding.UNITS_EXHAUSTED);
    }

    @Test
    void aLevelOfCareAuthorizationCoversTheCodesOfItsLevelOnly() {
        var php = authorization(1, "P-1", List.of(), LevelOfCare.PARTIAL_HOSPITALIZATION, UnitType.DAYS, 20,
                DAY.minusDays(10), DAY.plusDays(10));

        assertThat(AuthorizationCheck.decide(claim(null, "H0035", DAY), List.of(php), List.of()).finding())
                .isEqualTo(AuthorizationFinding.VALID_ON_FILE);
        assertThat(AuthorizationCheck.decide(claim(null, "S9480", DAY), List.of(php), List.of()).finding())
                .as("stepped down to IOP").isEqualTo(AuthorizationFinding.WRONG_SERVICE);
    }
}

package org.overturn.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelyFilingTest {

    static final LocalDate SERVICE = LocalDate.of(2026, 1, 5);

    static StoredClaim claim(LocalDate sent, LocalDate firstSent, ClaimAcceptance acceptance) {
        var line = new BilledLine(1, null, "HC", "90837", List.of(), new BigDecimal("180.00"), "UN", BigDecimal.ONE,
                null, List.of(1), SERVICE, null, null, null, null);
        var billed = new BilledClaim(ClaimKind.PROFESSIONAL, "PCN1", new BigDecimal("180.00"), "11", "B", "1",
                new ClaimParty("ACME", "P1"), null, null, null, null, "CI", List.of("F331"), null, null, null, null,
                null, null, null, List.of(), List.of(line));
        return new StoredClaim(1, billed, sent, "B1", firstSent, acceptance, null, null, null);
    }

    @Test
    void countsFromTheFirstServiceDateToTheFirstAcceptance() {
        var accepted = new ClaimAcceptance(SERVICE.plusDays(88), "RPT-77 (payer claim 123)", "ACME");

        var check = TimelyFiling.of(claim(SERVICE.plusDays(85), SERVICE.plusDays(85), accepted), 90);

        assertThat(check.daysToFiling()).isEqualTo(88L);
        assertThat(check.withinLimit()).isTrue();
        assertThat(check.proofOnFile()).isTrue();
        assertThat(check.proof()).isEqualTo("RPT-77 (payer claim 123)");
    }

    @Test
    void anAcceptancePastTheLimitIsPastTheLimit() {
        var accepted = new ClaimAcceptance(SERVICE.plusDays(91), "RPT-78", "ACME");

        var check = TimelyFiling.of(claim(SERVICE.plusDays(89), SERVICE.plusDays(89), accepted), 90);

        assertThat(check.withinLimit()).isFalse();
    }

    @Test
    void withoutAnAcceptanceTheFirstSendingCountsAndNoProofIsOnFile() {
        // resubmitted on day 120 after a first sending on day 40: the original filing date stands
        var check = TimelyFiling.of(claim(SERVICE.plusDays(120), SERVICE.plusDays(40), null), 90);

        assertThat(check.daysToFiling()).isEqualTo(40L);
        assertThat(check.withinLimit()).isTrue();
        assertThat(check.proofOnFile()).isFalse();
        assertThat(check.acceptedOn()).isNull();
    }

    @Test
    void aMissingDateLeavesTheAnswerOpen() {
        var check = TimelyFiling.of(claim(null, null, null), 90);

        assertThat(check.daysToFiling()).isNull();
        assertThat(check.withinLimit()).isNull();
    }
}

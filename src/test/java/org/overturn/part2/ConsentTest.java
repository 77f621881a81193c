package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConsentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void coversTheDayItWasSignedAndEveryDayUntilItExpires() {
        Consent consent = consent(TODAY.minusDays(10), TODAY, null);

        assertThat(consent.validOn(TODAY.minusDays(10))).isTrue();
        assertThat(consent.validOn(TODAY)).isTrue();
        assertThat(consent.validOn(TODAY.plusDays(1))).isFalse();
    }

    @Test
    void doesNotCoverDaysBeforeItWasSigned() {
        assertThat(consent(TODAY.plusDays(1), null, null).validOn(TODAY)).isFalse();
    }

    @Test
    void withoutAnExpiryRunsUntilRevoked() {
        assertThat(consent(TODAY.minusYears(3), null, null).validOn(TODAY)).isTrue();
    }

    @Test
    void aRevokedConsentCoversNothing() {
        assertThat(consent(TODAY.minusDays(10), TODAY.plusYears(1), Instant.parse("2026-03-01T10:00:00Z"))
                .validOn(TODAY)).isFalse();
    }

    private static Consent consent(LocalDate signedOn, LocalDate expiresOn, Instant revokedAt) {
        return new Consent(1, "M1", "DOE", "JANE", "PAYER", "Payment: appeal of denied claims", signedOn, expiresOn,
                revokedAt, "sud-biller");
    }
}

package org.overturn.part2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.part2.Recipient.Kind;

class ConsentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final Recipient ACME = Recipient.payer("ACME-1", "ACME HEALTH");

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
    void endingWithAnEventRunsUntilRevoked() {
        assertThat(consent(TODAY.minusYears(3), null, null).validOn(TODAY)).isTrue();
    }

    @Test
    void aRevokedConsentCoversNothing() {
        assertThat(consent(TODAY.minusDays(10), TODAY.plusYears(1), Instant.parse("2026-03-01T10:00:00Z"))
                .validOn(TODAY)).isFalse();
    }

    @Test
    void aConsentMissingAnElementOf231CoversNothing() {
        Consent migrated = new Consent(2, "DOE", "JANE", null, "M1", null, null, ACME, false, "appeal",
                TODAY.plusYears(1), null, null, TODAY.minusDays(10), null, "sud-biller",
                List.of("who may disclose", "information to disclose", "signature"));

        assertThat(migrated.validOn(TODAY)).isFalse();
    }

    @Test
    void coversOnlyTheRecipientItNames() {
        Consent toAcme = consent(TODAY.minusDays(1), TODAY.plusYears(1), null);

        assertThat(toAcme.covers(Recipient.payer("acme-1", null))).isTrue();
        assertThat(toAcme.covers(Recipient.payer("OTHER", "ACME HEALTH"))).isFalse();
        assertThat(toAcme.covers(new Recipient(Kind.REGULATOR, null, "ACME HEALTH"))).isFalse();
        assertThat(toAcme.covers(new Recipient(Kind.REVIEW_BODY, "IRO", "Maximus Federal"))).isFalse();
        assertThat(toAcme.covers(new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "Ana Doe"))).isFalse();
    }

    @Test
    void namesEachKindOfRecipientByIdOrName() {
        Consent toReviewer = withRecipient(new Recipient(Kind.REVIEW_BODY, "IRO", "Maximus Federal Services"), false);
        Consent toRegulator = withRecipient(new Recipient(Kind.REGULATOR, null,
                "U.S. Department of Labor, Employee Benefits Security Administration"), false);
        Consent toRepresentative = withRecipient(new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "Ana  Doe"), false);

        assertThat(toReviewer.covers(new Recipient(Kind.REVIEW_BODY, "IRO", "another name"))).isTrue();
        assertThat(toReviewer.covers(new Recipient(Kind.REVIEW_BODY, "STATE_FAIR_HEARING", null))).isFalse();
        assertThat(toRegulator.covers(new Recipient(Kind.REGULATOR, null,
                "u.s. department of labor, employee benefits security administration"))).isTrue();
        assertThat(toRegulator.covers(new Recipient(Kind.REGULATOR, null, "New York Department of Financial Services")))
                .isFalse();
        assertThat(toRepresentative.covers(new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "ana doe"))).isTrue();
        assertThat(toRepresentative.covers(new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "Bob Doe"))).isFalse();
    }

    @Test
    void theGeneralDesignationCoversPayersAndNoOneElse() {
        Consent tpo = withRecipient(null, true);

        assertThat(tpo.covers(Recipient.payer("ANY-PLAN", null))).isTrue();
        assertThat(tpo.covers(new Recipient(Kind.REGULATOR, null, "EBSA"))).isFalse();
        assertThat(tpo.covers(new Recipient(Kind.REVIEW_BODY, "IRO", null))).isFalse();
        assertThat(tpo.covers(new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "Ana Doe"))).isFalse();
    }

    @Test
    void statesItsScopeWithEveryElement() {
        Consent consent = new Consent(7, "DOE", "JANE", LocalDate.of(1980, 4, 2), "M1", "Riverside OTP (NPI 1987654302)",
                "claims and the treatment records of the denied services", ACME, false, "payment: appeal of denied claims",
                null, "the end of treatment", "the patient", TODAY.minusDays(3), null, "sud-biller", List.of());

        assertThat(consent.scope()).contains("Consent no. 7", "JANE DOE", "born 1980-04-02",
                "signed by the patient on " + TODAY.minusDays(3), "Riverside OTP (NPI 1987654302)",
                "claims and the treatment records of the denied services", "the payer ACME HEALTH (ACME-1)",
                "payment: appeal of denied claims", "expires upon the end of treatment", "may revoke it at any time");
    }

    private static Consent consent(LocalDate signedOn, LocalDate expiresOn, Instant revokedAt) {
        return new Consent(1, "DOE", "JANE", LocalDate.of(1980, 4, 2), "M1", "Riverside OTP",
                "claims and treatment records", ACME, false, "Payment: appeal of denied claims", expiresOn,
                expiresOn == null ? "the end of treatment" : null, "the patient", signedOn, revokedAt, "sud-biller",
                List.of());
    }

    private static Consent withRecipient(Recipient recipient, boolean generalDesignation) {
        return new Consent(3, "DOE", "JANE", LocalDate.of(1980, 4, 2), "M1", "Riverside OTP", "claims",
                recipient, generalDesignation, "payment", TODAY.plusYears(1), null, "the patient",
                TODAY.minusDays(1), null, "sud-biller", List.of());
    }
}

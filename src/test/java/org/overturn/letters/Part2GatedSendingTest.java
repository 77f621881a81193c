package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.overturn.denial.DenialKind;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.denial.RootCause;
import org.overturn.part2.Consent;
import org.overturn.part2.Disclosures;
import org.overturn.part2.PatientConsents;
import org.overturn.part2.Recipient;
import org.overturn.part2.Recipient.Kind;

/** The Part 2 gate checks every recipient of a letter: the payer that gets the email and the one it is addressed to. */
class Part2GatedSendingTest {

    static final Recipient PAYER = Recipient.payer("ACME-1", "ACME HEALTH");
    static final Recipient IRO = new Recipient(Kind.REVIEW_BODY, "IRO", "Independent Review Co.");
    static final Recipient HEARING = new Recipient(Kind.REVIEW_BODY, "STATE_FAIR_HEARING", "Office of Hearings");
    static final Recipient REGULATOR = new Recipient(Kind.REGULATOR, null, "Department of Insurance");
    static final Recipient REPRESENTATIVE = new Recipient(Kind.AUTHORIZED_REPRESENTATIVE, null, "Ana Doe");

    private final LetterMailer mailer = mock(LetterMailer.class);
    private final Letters letters = mock(Letters.class);
    private final Denials denials = mock(Denials.class);
    private final PatientConsents consents = mock(PatientConsents.class);
    private final Disclosures disclosures = mock(Disclosures.class);
    private final Part2GatedSending gate = new Part2GatedSending(mailer, letters, denials, consents, disclosures);

    @Test
    void aLetterToTheReviewerGoesOnlyWhenConsentsCoverThePayerAndTheReviewer() {
        part2Denial(7L, true);
        version(41L, 7L, IRO);
        Consent toPayer = consent(1, PAYER);
        when(consents.validFor(7L, PAYER)).thenReturn(Optional.of(toPayer));

        assertThat(gate.send(41L, "pat", "mo")).isEqualTo(new Part2GatedSending.ConsentMissing(IRO));
        assertThat(gate.uncovered(7L)).contains(IRO);
        verify(mailer, never()).send(anyLong(), any(), any(), any());

        Consent toIro = consent(2, IRO);
        when(consents.validFor(7L, IRO)).thenReturn(Optional.of(toIro));
        gate.send(41L, "pat", "mo");

        verify(mailer).send(41L, "pat", "mo", List.of(new Part2GatedSending.Grant(PAYER, toPayer),
                new Part2GatedSending.Grant(IRO, toIro)));
        assertThat(gate.uncovered(7L)).isEmpty();
    }

    @Test
    void eachKindOfRecipientIsCheckedAgainstItsOwnConsent() {
        part2Denial(7L, true);
        for (Recipient recipient : List.of(PAYER, IRO, HEARING, REGULATOR, REPRESENTATIVE)) {
            assertThat(gate.permission(7L, recipient).allowed()).as(recipient.kind().name()).isFalse();
            when(consents.validFor(7L, recipient)).thenReturn(Optional.of(consent(9, recipient)));
            assertThat(gate.permission(7L, recipient)).as(recipient.kind().name())
                    .isEqualTo(new Part2GatedSending.Permission(true, 9L));
        }
    }

    @Test
    void aLetterToThePayerOnlyNeedsThePayersConsentAndARecordOutsidePart2None() {
        part2Denial(7L, true);
        version(41L, 7L, PAYER);
        Consent toPayer = consent(1, PAYER);
        when(consents.validFor(7L, PAYER)).thenReturn(Optional.of(toPayer));
        part2Denial(8L, false);
        version(42L, 8L, PAYER);

        gate.send(41L, null, null);
        gate.send(42L, null, null);

        verify(mailer).send(41L, null, null, List.of(new Part2GatedSending.Grant(PAYER, toPayer)));
        verify(mailer).send(42L, null, null, List.of());
        assertThat(gate.permission(8L, REGULATOR).allowed()).isTrue();
    }

    @Test
    void aRecordDeliveredByHandIsAccountedUnderTheConsentCoveringItsRecipient() {
        part2Denial(7L, true);
        Consent toRegulator = consent(3, REGULATOR);
        when(consents.validFor(7L, REGULATOR)).thenReturn(Optional.of(toRegulator));
        part2Denial(8L, false);

        gate.accountDeliveredByHand(7L, REGULATOR, "parity complaint", "pat");
        gate.accountDeliveredByHand(8L, REGULATOR, "parity complaint", "pat");

        verify(disclosures).record(7L, toRegulator, REGULATOR, null, "parity complaint", "pat");
        verify(disclosures, never()).record(org.mockito.ArgumentMatchers.eq(8L), any(), any(), any(), anyString(),
                anyString());
    }

    private void part2Denial(long id, boolean part2) {
        when(denials.find(id)).thenReturn(Optional.of(new DenialView(id, 1L, "PCN", "ACME-1", "ACME HEALTH",
                DenialKind.FULL, "50", RootCause.MEDICAL_NECESSITY, "appeals", false, true, null,
                new BigDecimal("100"), DenialStatus.OPEN, part2, LocalDate.now(), Instant.now(), "COMMERCIAL",
                LocalDate.now().plusDays(180), 50, 1, null, null, null, org.overturn.denial.WorkPath.APPEAL)));
        when(consents.payerOf(id)).thenReturn(Optional.of(PAYER));
    }

    private void version(long id, long denialId, Recipient addressee) {
        when(letters.version(id)).thenReturn(Optional.of(new Letters.LetterVersion(id, 3L, denialId,
                LetterKind.APPEAL, 2, 1, "medical-necessity.ftlh", "ab".repeat(32), 1, "pat", Instant.now(), null)));
        when(letters.addressee(id)).thenReturn(Optional.of(addressee));
        when(letters.pendingAddressee(denialId)).thenReturn(Optional.of(addressee));
    }

    private static Consent consent(long id, Recipient to) {
        return new Consent(id, "DOE", "JANE", LocalDate.of(1984, 6, 30), "M1", "Riverside OTP", "claims", to, false,
                "appeal", LocalDate.now().plusYears(1), null, "the patient", LocalDate.now(), null, "sam", List.of());
    }
}

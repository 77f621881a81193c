package org.overturn.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.part2.Consent;
import org.overturn.part2.Disclosures;
import org.overturn.part2.PatientConsents;
import org.overturn.part2.Recipient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a letter leaves, whichever process sends it (an appeal, a parity analysis request): under the 42 CFR
 * Part 2 gate. A denial that is a Part 2 record goes only under a valid written consent of the patient covering each
 * recipient: the payer that receives the email, and the one the letter is addressed to when that is someone else (an
 * independent reviewer or hearing office at a higher appeal level, the regulator of a parity complaint). Checked
 * again at the moment of sending (a consent revoked since the process's gate counts); the delivery carries the
 * consents' scope and the notice of 42 CFR 2.32, and each recipient is entered in the accounting of disclosures. The
 * callers turn the outcome into their process's own answer (a BPMN error of their model).
 */
@Service
public class Part2GatedSending {

    /** Whether a letter of the denial may go now, and under which consent (null for a record outside Part 2). */
    public record Permission(boolean allowed, Long consentId) {
    }

    /** A recipient of a Part 2 disclosure and the consent that lets the record go to it. */
    public record Grant(Recipient recipient, Consent consent) {
    }

    public sealed interface Outcome permits Sent, ConsentMissing, NoAppealAddress {
    }

    public record Sent(Letters.Delivery delivery, Long consentId) implements Outcome {
    }

    /** No valid consent covers {@code recipient}. */
    public record ConsentMissing(Recipient recipient) implements Outcome {
    }

    public record NoAppealAddress(String reason) implements Outcome {
    }

    private final LetterMailer mailer;
    private final Letters letters;
    private final Denials denials;
    private final PatientConsents consents;
    private final Disclosures disclosures;

    public Part2GatedSending(LetterMailer mailer, Letters letters, Denials denials, PatientConsents consents,
                             Disclosures disclosures) {
        this.disclosures = disclosures;
        this.mailer = mailer;
        this.letters = letters;
        this.denials = denials;
        this.consents = consents;
    }

    /** Whether the denial's record may go to its payer now. */
    public Permission permission(long denialId) {
        DenialView denial = denial(denialId);
        if (!denial.part2()) {
            return new Permission(true, null);
        }
        return consents.payerOf(denialId).map(payer -> permission(denial, payer))
                .orElse(new Permission(false, null));
    }

    /**
     * Whether the denial's record may go to that recipient now: the payer, a regulator, a review body or the
     * patient's authorized representative, each only under a consent that names it (a payer also under the general
     * designation for treatment, payment and health care operations).
     */
    public Permission permission(long denialId, Recipient recipient) {
        return permission(denial(denialId), recipient);
    }

    /**
     * The first recipient of the denial's pending disclosure that no valid consent covers: its payer, then the one its
     * newest unsent letter is addressed to. Empty when the record may go, or is no Part 2 record.
     */
    public Optional<Recipient> uncovered(long denialId) {
        if (!denial(denialId).part2()) {
            return Optional.empty();
        }
        Optional<Recipient> payer = consents.payerOf(denialId);
        if (payer.isEmpty()) {
            return Optional.empty(); // no payer id: permission() refuses, and there is nobody to name
        }
        List<Recipient> recipients = new ArrayList<>(List.of(payer.get()));
        letters.pendingAddressee(denialId).filter(to -> !to.sameAs(payer.get())).ifPresent(recipients::add);
        return recipients.stream().filter(r -> consents.validFor(denialId, r).isEmpty()).findFirst();
    }

    /**
     * Sends the letter version (once: a version sent before answers its delivery) if the gate lets it go to every
     * recipient.
     *
     * @throws org.springframework.mail.MailException when the mail server cannot be reached: the caller retries
     */
    public Outcome send(long versionId, String preparedBy, String approvedBy) {
        long denialId = letters.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No letter version " + versionId)).denialId();
        List<Grant> grants = new ArrayList<>();
        if (denial(denialId).part2()) {
            for (Recipient recipient : recipientsOf(versionId, denialId)) {
                Optional<Consent> consent = consents.validFor(denialId, recipient);
                if (consent.isEmpty()) {
                    return new ConsentMissing(recipient);
                }
                grants.add(new Grant(recipient, consent.get()));
            }
            if (grants.isEmpty()) {
                return new ConsentMissing(null);
            }
        }
        try {
            Letters.Delivery delivery = mailer.send(versionId, preparedBy, approvedBy, grants);
            return new Sent(delivery, grants.isEmpty() ? null : grants.get(0).consent().id());
        } catch (LetterMailer.NoAppealAddress e) {
            return new NoAppealAddress(e.getMessage());
        }
    }

    /**
     * Accounts for a Part 2 record a user delivered by hand (a complaint filed with a regulator, a letter posted):
     * under the valid consent covering the recipient, or with none, which the accounting then shows. Nothing for a
     * record outside Part 2.
     */
    @Transactional
    public void accountDeliveredByHand(long denialId, Recipient recipient, String information, String by) {
        if (denial(denialId).part2()) {
            disclosures.record(denialId, consents.validFor(denialId, recipient).orElse(null), recipient, null,
                    information, by == null ? "system" : by);
        }
    }

    /** The payer, which receives the email, then the addressee when the letter is addressed to someone else. */
    private List<Recipient> recipientsOf(long versionId, long denialId) {
        List<Recipient> recipients = new ArrayList<>();
        consents.payerOf(denialId).ifPresent(recipients::add);
        letters.addressee(versionId).filter(to -> recipients.stream().noneMatch(to::sameAs))
                .ifPresent(recipients::add);
        return recipients;
    }

    private Permission permission(DenialView denial, Recipient recipient) {
        if (!denial.part2()) {
            return new Permission(true, null);
        }
        return consents.validFor(denial.id(), recipient).map(c -> new Permission(true, c.id()))
                .orElse(new Permission(false, null));
    }

    private DenialView denial(long denialId) {
        return denials.find(denialId).orElseThrow(() -> new IllegalStateException("No denial " + denialId));
    }
}

package org.overturn.letters;

import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.part2.Consent;
import org.overturn.part2.PatientConsents;
import org.springframework.stereotype.Service;

/**
 * The one way a letter leaves for a payer, whichever process sends it (an appeal, a parity analysis request):
 * under the 42 CFR Part 2 gate. A denial that is a Part 2 record goes only under a valid written consent of the
 * patient naming that payer, checked again at the moment of sending (a consent revoked since the process's gate
 * counts), and the delivery records the consent it rests on. The callers turn the outcome into their process's
 * own answer (a BPMN error of their model).
 */
@Service
public class Part2GatedSending {

    /** Whether a letter of the denial may go now, and under which consent (null for a record outside Part 2). */
    public record Permission(boolean allowed, Long consentId) {
    }

    public sealed interface Outcome permits Sent, ConsentMissing, NoAppealAddress {
    }

    public record Sent(Letters.Delivery delivery, Long consentId) implements Outcome {
    }

    public record ConsentMissing() implements Outcome {
    }

    public record NoAppealAddress(String reason) implements Outcome {
    }

    private final LetterMailer mailer;
    private final Letters letters;
    private final Denials denials;
    private final PatientConsents consents;

    public Part2GatedSending(LetterMailer mailer, Letters letters, Denials denials, PatientConsents consents) {
        this.mailer = mailer;
        this.letters = letters;
        this.denials = denials;
        this.consents = consents;
    }

    public Permission permission(long denialId) {
        DenialView denial = denials.find(denialId)
                .orElseThrow(() -> new IllegalStateException("No denial " + denialId));
        if (!denial.part2()) {
            return new Permission(true, null);
        }
        return consents.validForDenial(denialId).map(Consent::id).map(id -> new Permission(true, id))
                .orElse(new Permission(false, null));
    }

    /**
     * Sends the letter version (once: a version sent before answers its delivery) if the gate lets it go.
     *
     * @throws org.springframework.mail.MailException when the mail server cannot be reached: the caller retries
     */
    public Outcome send(long versionId, String preparedBy, String approvedBy) {
        long denialId = letters.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No letter version " + versionId)).denialId();
        Permission permission = permission(denialId);
        if (!permission.allowed()) {
            return new ConsentMissing();
        }
        try {
            return new Sent(mailer.send(versionId, preparedBy, approvedBy, permission.consentId()),
                    permission.consentId());
        } catch (LetterMailer.NoAppealAddress e) {
            return new NoAppealAddress(e.getMessage());
        }
    }
}

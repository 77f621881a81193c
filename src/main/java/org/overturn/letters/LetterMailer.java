package org.overturn.letters;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.overturn.part2.Consent;
import org.overturn.part2.Disclosures;
import org.overturn.part2.Recipient;
import org.overturn.part2.RedisclosureNotice;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PayerProfile;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails one letter version to the payer's appeals address, with the PDF and the attached documents, once. The
 * delivery (with its audit event) is written before the message goes out and committed on its own the moment the
 * mail server accepted it, so when the work around it fails and is retried (a crash, a database error) the retry
 * finds the delivery and does not send again. The Message-ID is fixed per version: should a crash fall in the
 * instant between the server's acceptance and that commit, the one duplicate a payer could get carries the same
 * Message-ID.
 */
@Service
public class LetterMailer {

    /** The payer has no appeals email address in the directory: the letter must go by post or portal. */
    public static class NoAppealAddress extends RuntimeException {
        public NoAppealAddress(String payer) {
            super("Payer " + payer + " has no appeal email address in the payer directory");
        }
    }

    /**
     * The denial's attachments total more than {@code overturn.letters.attachment-total-max-bytes} (they were
     * added before the limit was lowered): the job fails with this message, nothing is sent.
     */
    public static class AttachmentsTooLarge extends RuntimeException {
        AttachmentsTooLarge(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LetterMailer.class);

    private final org.springframework.beans.factory.ObjectProvider<JavaMailSender> mail;
    private final Letters letters;
    private final LetterAttachments attachments;
    private final PayerDirectory payers;
    private final AuditTrail audit;
    private final LettersProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Denials denials;
    private final Disclosures disclosures;
    private final LetterRenderer renderer;

    LetterMailer(org.springframework.beans.factory.ObjectProvider<JavaMailSender> mail, Letters letters, LetterAttachments attachments, PayerDirectory payers,
                 AuditTrail audit, LettersProperties properties, JdbcTemplate jdbc,
                 PlatformTransactionManager transactions, Clock clock, Denials denials, Disclosures disclosures,
                 LetterRenderer renderer) {
        this.denials = denials;
        this.disclosures = disclosures;
        this.renderer = renderer;
        this.mail = mail;
        this.letters = letters;
        this.attachments = attachments;
        this.payers = payers;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Sends the version unless it was sent before; returns its delivery either way.
     *
     * @param grants    each recipient of a Part 2 record and the consent it goes under; empty when the denial is not a
     *                  Part 2 record. With grants the email carries the consents' scope and the 42 CFR 2.32 notice, and
     *                  each recipient is entered in the accounting of disclosures.
     * @throws NoAppealAddress when the payer has no appeals email
     * @throws MailException   when the mail server cannot be reached or refuses: the caller retries
     * @throws AttachmentsTooLarge when the attachments exceed the total size limit
     */
    public Letters.Delivery send(long versionId, String preparedBy, String approvedBy,
                                 List<Part2GatedSending.Grant> grants) {
        Long consentId = grants.isEmpty() ? null : grants.get(0).consent().id();
        Letters.LetterVersion version = letters.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No letter version " + versionId));
        if (version.delivery() != null) {
            return version.delivery();
        }
        List<LetterAttachments.Attachment> enclosed = attachments.of(version.denialId());
        long enclosedBytes = enclosed.stream().mapToLong(LetterAttachments.Attachment::sizeBytes).sum();
        if (enclosedBytes > properties.attachmentTotalMaxBytes()) {
            throw new AttachmentsTooLarge("Letter version " + versionId + " not sent: its "
                    + enclosed.size() + " attachment(s) total " + LetterAttachments.megabytes(enclosedBytes)
                    + ", more than the " + LetterAttachments.megabytes(properties.attachmentTotalMaxBytes())
                    + " allowed (overturn.letters.attachment-total-max-bytes); remove some from the denial");
        }
        DenialView denial = denials.find(version.denialId())
                .orElseThrow(() -> new IllegalStateException("No denial " + version.denialId()));
        String payerId = denial.payerId();
        String to = Optional.ofNullable(payerId).flatMap(payers::profile).map(PayerProfile::appealEmail)
                .filter(s -> !s.isBlank()).orElseThrow(() -> new NoAppealAddress(payerId));
        String pcn = denial.patientControlNumber();
        // the subject and file names show up outside the message (mail server logs, inbox previews, archives):
        // they name our denial id only; the patient account is in the body and the letter
        String subject = switch (version.kind()) {
            case APPEAL -> "Appeal (level " + version.appealLevel() + ")";
            case PARITY_ANALYSIS_REQUEST -> "Request for NQTL comparative analysis (MHPAEA)";
            case PARITY_COMPLAINT -> "Parity complaint";
            case CORRECTED_CLAIM_COVER -> "Corrected claim";
        } + " - denial " + version.denialId();
        String messageId = "<overturn.letter-" + version.id() + "." + version.sha256().substring(0, 12) + "@"
                + domainOf(properties.from()) + ">";
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server configured: set spring.mail.host (see README)");
        }
        MimeMessage message = new FixedIdMessage(sessionOf(sender), messageId);
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            if (properties.bcc() != null && !properties.bcc().isBlank()) {
                helper.setBcc(properties.bcc());
            }
            helper.setSubject(subject);
            helper.setText(("""
                    Please find attached our %s for patient account %s, with %d enclosure(s).
                    Reply to this address with any question about it.
                    """ + (grants.isEmpty() ? "" : "\n" + RedisclosureNotice.shipped().statement2()
                    + " The attached statement gives the scope of the patient's consent and the notice of "
                    + RedisclosureNotice.shipped().citation() + ".\n")).formatted(switch (version.kind()) {
                        case APPEAL -> "appeal letter";
                        case PARITY_ANALYSIS_REQUEST -> "request for the plan's comparative analysis";
                        case PARITY_COMPLAINT -> "parity complaint";
                        case CORRECTED_CLAIM_COVER -> "corrected claim cover letter";
                    }, pcn, enclosed.size()));
            helper.addAttachment(fileName(version), new ByteArrayResource(letters.pdf(versionId)),
                    "application/pdf");
            for (LetterAttachments.Attachment a : enclosed) {
                helper.addAttachment(a.fileName(), new ByteArrayResource(attachments.content(a.id())),
                        a.contentType());
            }
            if (!grants.isEmpty()) {
                helper.addAttachment("part2-consent-and-notice-" + version.denialId() + ".pdf",
                        new ByteArrayResource(consentScope(version.denialId(), grants)), "application/pdf");
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the email for letter version " + versionId, e);
        }
        // The delivery row is written first and committed the moment the server has accepted the message, before
        // the connection is closed, so a crash can only resend a letter in the instant of that commit (with the
        // same Message-ID). Another run of the same job (its lock lapsed while this one still talks to the mail
        // server) waits on the row, then finds the letter delivered instead of sending it again.
        Instant sentAt = clock.instant();
        Transport[] connection = new Transport[1];
        boolean sent;
        try {
            sent = Boolean.TRUE.equals(ownTransaction.execute(tx -> {
                int claimed = jdbc.update("""
                        insert into letter_delivery (letter_version_id, denial_id, to_address, subject, message_id,
                                                     attachments, prepared_by, approved_by, consent_id, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (letter_version_id) do nothing
                        """, versionId, version.denialId(), to, subject, messageId,
                        enclosed.size() + (grants.isEmpty() ? 1 : 2), preparedBy,
                        approvedBy, consentId, Timestamp.from(sentAt));
                if (claimed == 0) {
                    return false;
                }
                audit.recordWithin("system", AuditAction.LETTER_SENT, "denial", String.valueOf(version.denialId()),
                        "letter version " + versionId + " to " + to + " " + messageId);
                for (Part2GatedSending.Grant grant : grants) {
                    boolean payer = grant.recipient().kind() == Recipient.Kind.PAYER;
                    disclosures.record(version.denialId(), grant.consent(), grant.recipient(), payer ? to : null,
                            subject.substring(0, subject.indexOf(" - denial")) + ", with " + enclosed.size()
                                    + " enclosure(s)" + (payer ? "" : ", sent through the payer"),
                            approvedBy != null ? approvedBy : preparedBy != null ? preparedBy : "system");
                    audit.recordWithin("system", AuditAction.DISCLOSURE, "denial", String.valueOf(version.denialId()),
                            "Part 2 record disclosed to " + grant.recipient().kind() + " " + (payer ? to : "")
                                    + " under consent " + grant.consent().id());
                }
                connection[0] = transmit(sender, message);
                return true;
            }));
        } finally {
            closeQuietly(connection[0]);
        }
        if (sent) {
            log.info("Letter version {} of denial {} emailed, Message-ID {}", versionId, version.denialId(), messageId);
        } else {
            log.info("Letter version {} of denial {} was emailed meanwhile by another run of its job", versionId,
                    version.denialId());
        }
        return letters.version(versionId).map(Letters.LetterVersion::delivery).orElseThrow();
    }

    /** The consents' scope and the 42 CFR 2.32 notice, one PDF sent with the letter (2.32(a) and (b)). */
    private byte[] consentScope(long denialId, List<Part2GatedSending.Grant> grants) {
        String practice = properties.practice() != null && properties.practice().name() != null
                && !properties.practice().name().isBlank() ? properties.practice().name() : "The provider";
        List<String> scopes = grants.stream().map(Part2GatedSending.Grant::consent).distinct().map(Consent::scope)
                .toList();
        String recipients = String.join(" and ", grants.stream().map(g -> g.recipient().describe()).toList());
        return renderer.consentScope(new LetterRenderer.ConsentScopeEnclosure(practice, denialId, recipients,
                java.time.LocalDate.now(clock).toString(), scopes));
    }

    /**
     * Hands the message to the mail server and returns the connection still open, for the caller to close once
     * the delivery is committed; null when the sender is not an SMTP sender of its own. Unlike
     * {@link JavaMailSender#send}, a failure to close the connection once the server has accepted the message (no
     * answer to QUIT, a reset) is not a failed send: the letter is on its way, and failing would send it again.
     */
    private static Transport transmit(JavaMailSender sender, MimeMessage message) {
        if (!(sender instanceof JavaMailSenderImpl server)) {
            sender.send(message);
            return null;
        }
        Transport transport;
        try {
            String user = server.getUsername() == null || server.getUsername().isEmpty() ? null : server.getUsername();
            String password = user == null && "".equals(server.getPassword()) ? null : server.getPassword();
            String protocol = server.getProtocol() != null ? server.getProtocol()
                    : server.getSession().getProperty("mail.transport.protocol");
            transport = server.getSession().getTransport(protocol == null ? "smtp" : protocol);
            transport.connect(server.getHost(), server.getPort(), user, password);
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            // the wording Spring's sender uses, which operators see in Cockpit
            throw new MailSendException("Mail server connection failed", e);
        }
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new java.util.Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw new MailSendException("Failed to send the message", e);
        }
        return transport;
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.warn("The mail server did not close the connection cleanly ({}); the message itself was handled",
                    e.getMessage());
        }
    }

    private static String fileName(Letters.LetterVersion version) {
        String kind = switch (version.kind()) {
            case APPEAL -> "appeal-level" + version.appealLevel();
            case PARITY_ANALYSIS_REQUEST -> "nqtl-analysis-request";
            case PARITY_COMPLAINT -> "parity-complaint";
            case CORRECTED_CLAIM_COVER -> "corrected-claim";
        };
        return kind + "-denial" + version.denialId() + "-v" + version.version() + ".pdf";
    }

    private static Session sessionOf(JavaMailSender mail) {
        if (mail instanceof org.springframework.mail.javamail.JavaMailSenderImpl impl) {
            return impl.getSession();
        }
        return Session.getInstance(new java.util.Properties());
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "overturn.local" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "overturn.local" : domain;
    }

    /** A message whose Message-ID stays what we chose instead of a new random one at each send. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

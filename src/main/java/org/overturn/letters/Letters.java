package org.overturn.letters;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.part2.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A denial's letters: drafts previewed while a biller writes, and versions stored when a letter is rendered
 * for sending. A version never changes; rendering again after an edit (of the argument, the attachments, the
 * directory or the template) stores the next version, while rendering the same content again does not.
 */
@Service
public class Letters {

    /** One stored version and, once it went out, its delivery. */
    public record LetterVersion(long id, long letterId, long denialId, LetterKind kind, int appealLevel, int version,
                                String template, String sha256, int pages, String renderedBy, Instant renderedAt,
                                Delivery delivery) {
    }

    public record Delivery(String to, String subject, String messageId, Instant sentAt, String approvedBy,
                           Long consentId, int attachments) {
    }

    private static final String VERSION_COLUMNS = """
            select v.id, l.id as letter_id, l.denial_id, l.kind, l.appeal_level, v.version, v.template, v.sha256,
                   v.pages, v.rendered_by, v.rendered_at, d.to_address, d.subject, d.message_id, d.sent_at,
                   d.approved_by, d.consent_id, d.attachments
              from letter_version v join letter l on l.id = v.letter_id
              left join letter_delivery d on d.letter_version_id = v.id
            """;

    private final Denials denials;
    private final LetterFactsAssembler facts;
    private final LetterRenderer renderer;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<AppealParity> appealParity;

    Letters(Denials denials, LetterFactsAssembler facts, LetterRenderer renderer, JdbcTemplate jdbc, Clock clock,
            org.springframework.beans.factory.ObjectProvider<AppealParity> appealParity) {
        this.appealParity = appealParity;
        this.denials = denials;
        this.facts = facts;
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The letter as it would go out now, not stored: what the biller and the approver look at. */
    @Transactional(readOnly = true)
    public LetterRenderer.RenderedLetter preview(long denialId, LetterKind kind, int appealLevel, String argument,
                                                 String user) {
        return preview(denialId, kind, appealLevel, argument, null, user, null);
    }

    /**
     * The preview of a letter with the clinical case of a medical-necessity appeal ({@code necessity} null: none) and
     * the parity argument ({@code parity} null: the confirmed case's, if any).
     */
    @Transactional(readOnly = true)
    public LetterRenderer.RenderedLetter preview(long denialId, LetterKind kind, int appealLevel, String argument,
                                                 MedicalNecessity necessity, String user, LetterFacts.Parity parity) {
        DenialView denial = denial(denialId);
        return renderer.render(LetterTemplates.nameFor(kind, denial.rootCause(), denial.path()), denial.payerId(),
                facts.assemble(denial, kind, appealLevel, argument, necessity, user, parityOf(denialId, kind, parity)));
    }

    /** Renders the letter and stores it as the next version, unless it is the same as the latest one. */
    @Transactional
    public LetterVersion render(long denialId, LetterKind kind, int appealLevel, String argument, String user) {
        return render(denialId, kind, appealLevel, argument, null, user, null);
    }

    /** As {@link #render(long, LetterKind, int, String, String)}, for a letter with a parity case behind it. */
    @Transactional
    public LetterVersion render(long denialId, LetterKind kind, int appealLevel, String argument, String user,
                                LetterFacts.Parity parity) {
        return render(denialId, kind, appealLevel, argument, null, user, parity);
    }

    /**
     * As {@link #render(long, LetterKind, int, String, String)}, with the clinical case the biller entered for a
     * medical-necessity appeal ({@code necessity} null: none) and the parity argument ({@code parity} null: the
     * confirmed case's, if any).
     */
    @Transactional
    public LetterVersion render(long denialId, LetterKind kind, int appealLevel, String argument,
                                MedicalNecessity necessity, String user, LetterFacts.Parity parity) {
        DenialView denial = denial(denialId);
        LetterFacts assembled = facts.assemble(denial, kind, appealLevel, argument, necessity, user,
                parityOf(denialId, kind, parity));
        LetterRenderer.RenderedLetter letter = renderer.render(LetterTemplates.nameFor(kind, denial.rootCause(), denial.path()),
                denial.payerId(), assembled);
        Recipient addressee = addressee(denial, kind, assembled);
        jdbc.update("""
                insert into letter (denial_id, kind, appeal_level, created_at) values (?, ?, ?, ?)
                on conflict (denial_id, kind, appeal_level) do nothing
                """, denialId, kind.name(), appealLevel, Timestamp.from(clock.instant()));
        // one renderer at a time per letter, so two versions never get the same number
        long letterId = jdbc.queryForObject("select id from letter where denial_id = ? and kind = ? "
                + "and appeal_level = ? for update", Long.class, denialId, kind.name(), appealLevel);
        String htmlSha = LetterAttachments.sha256(letter.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<LetterVersion> latest = latest(denialId, kind, appealLevel);
        if (latest.isPresent() && htmlSha.equals(htmlShaOf(latest.get().id()))) {
            return latest.get();
        }
        int next = latest.map(v -> v.version() + 1).orElse(1);
        long id = jdbc.queryForObject("""
                insert into letter_version (letter_id, version, template, argument, html, pdf, sha256, pages,
                                            rendered_by, rendered_at, recipient_kind, recipient_id, recipient_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, letterId, next, letter.template(), argument, letter.html(), letter.pdf(),
                LetterAttachments.sha256(letter.pdf()), letter.pages(), user, Timestamp.from(clock.instant()),
                addressee == null ? null : addressee.kind().name(), addressee == null ? null : addressee.id(),
                addressee == null ? null : addressee.name());
        return version(id).orElseThrow();
    }

    /**
     * Whom the version is addressed to, for the Part 2 gate: the payer, a review body (an appeal level past the
     * payer's desk: IRO, fair hearing office, QIC ...) or the regulator of a parity complaint. Empty for a version
     * rendered before addressees were kept, or whose payer has no id: addressed to the payer.
     */
    @Transactional(readOnly = true)
    public Optional<Recipient> addressee(long versionId) {
        return jdbc.query("select recipient_kind, recipient_id, recipient_name from letter_version where id = ?",
                (rs, i) -> rs.getString(1) == null ? null : new Recipient(Recipient.Kind.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3)), versionId).stream().filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * The addressee of the denial's newest emailed kind of letter version not sent yet, when it names one. A parity
     * complaint is filed by hand and never emailed: its download has a gate of its own (LetterController).
     */
    @Transactional(readOnly = true)
    public Optional<Recipient> pendingAddressee(long denialId) {
        return jdbc.query("""
                select v.id from letter_version v join letter l on l.id = v.letter_id
                  left join letter_delivery d on d.letter_version_id = v.id
                 where l.denial_id = ? and d.letter_version_id is null and l.kind <> 'PARITY_COMPLAINT'
                 order by v.rendered_at desc, v.id desc limit 1
                """, (rs, i) -> rs.getLong(1), denialId).stream().findFirst().flatMap(this::addressee);
    }

    private static Recipient addressee(DenialView denial, LetterKind kind, LetterFacts facts) {
        if (kind == LetterKind.PARITY_COMPLAINT && facts.parity() != null && facts.parity().regulatorName() != null) {
            return new Recipient(Recipient.Kind.REGULATOR, null, facts.parity().regulatorName());
        }
        if (kind == LetterKind.APPEAL && facts.route() != null && !facts.route().toPayer()) {
            return new Recipient(Recipient.Kind.REVIEW_BODY, facts.route().recipientKind(),
                    facts.route().recipientName());
        }
        return denial.payerId() == null ? null : Recipient.payer(denial.payerId(), denial.payerName());
    }

    @Transactional(readOnly = true)
    public Optional<LetterVersion> latest(long denialId, LetterKind kind, int appealLevel) {
        return jdbc.query(VERSION_COLUMNS + " where l.denial_id = ? and l.kind = ? and l.appeal_level = ? "
                + "order by v.version desc limit 1", VERSION, denialId, kind.name(), appealLevel).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<LetterVersion> version(long versionId) {
        return jdbc.query(VERSION_COLUMNS + " where v.id = ?", VERSION, versionId).stream().findFirst();
    }

    /** Every version of every letter of the denial, newest first. */
    @Transactional(readOnly = true)
    public List<LetterVersion> of(long denialId) {
        return jdbc.query(VERSION_COLUMNS + " where l.denial_id = ? order by l.appeal_level desc, l.kind, "
                + "v.version desc", VERSION, denialId);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(long versionId) {
        return jdbc.queryForObject("select pdf from letter_version where id = ?", byte[].class, versionId);
    }

    /** The argument the version was rendered with (what the biller wrote). */
    @Transactional(readOnly = true)
    public String argumentOf(long versionId) {
        return jdbc.queryForObject("select argument from letter_version where id = ?", String.class, versionId);
    }

    /** An appeal argues parity once a specialist confirmed the concern; other letters only when given it. */
    private LetterFacts.Parity parityOf(long denialId, LetterKind kind, LetterFacts.Parity given) {
        if (given != null || kind != LetterKind.APPEAL) {
            return given;
        }
        AppealParity parity = appealParity.getIfAvailable();
        return parity == null ? null : parity.of(denialId);
    }

    private String htmlShaOf(long versionId) {
        String html = jdbc.queryForObject("select html from letter_version where id = ?", String.class, versionId);
        return LetterAttachments.sha256(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private DenialView denial(long denialId) {
        return denials.find(denialId).orElseThrow(() -> new IllegalArgumentException("No denial " + denialId));
    }

    private static final RowMapper<LetterVersion> VERSION = (rs, i) -> new LetterVersion(rs.getLong("id"),
            rs.getLong("letter_id"), rs.getLong("denial_id"), LetterKind.valueOf(rs.getString("kind")),
            rs.getInt("appeal_level"), rs.getInt("version"), rs.getString("template"), rs.getString("sha256"),
            rs.getInt("pages"), rs.getString("rendered_by"), rs.getTimestamp("rendered_at").toInstant(),
            rs.getString("message_id") == null ? null : new Delivery(rs.getString("to_address"),
                    rs.getString("subject"), rs.getString("message_id"), rs.getTimestamp("sent_at").toInstant(),
                    rs.getString("approved_by"), (Long) rs.getObject("consent_id"), rs.getInt("attachments")));
}

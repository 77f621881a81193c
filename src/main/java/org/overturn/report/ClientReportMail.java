package org.overturn.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly reports' outbox ({@code client_report_delivery}): a report to email is a row, written first; a sender
 * takes one due row at a time under a row lock ({@code for update skip locked}), so several nodes share the work
 * and never send a row twice, emails the PDF and the workbook to the practice's contact through the letters' mail
 * server, and marks the row sent in the same transaction. A failed send is tried again after a growing pause
 * ({@code overturn.reports.retry-after} doubled each time) until {@code max-attempts}, then the row is FAILED and
 * shows on the reports page. The schedule's row of a practice and month is unique, so the month's report is queued
 * once however many nodes run the schedule; an on-demand email is a row of its own.
 */
@Service
public class ClientReportMail {

    /** One email of a report: what, to whom, and how it went. */
    public record Delivery(long id, long practiceId, YearMonth month, String trigger, String status, int attempts,
                           Instant nextAttemptAt, String sentTo, Instant sentAt, String lastError, String requestedBy) {
    }

    private static final Logger log = LoggerFactory.getLogger(ClientReportMail.class);

    private final JdbcTemplate jdbc;
    private final ClientReports reports;
    private final ClientReportDocuments documents;
    private final ObjectProvider<JavaMailSender> mail;
    private final ReportProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ClientReportMail(JdbcTemplate jdbc, ClientReports reports, ClientReportDocuments documents,
                     ObjectProvider<JavaMailSender> mail, ReportProperties properties,
                     PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.documents = documents;
        this.mail = mail;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Queues last month's report of every active practice with a contact email, once per practice and month
     * (whichever node gets there first); answers how many were queued now.
     */
    public int queueLastMonth() {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        return jdbc.update("""
                insert into client_report_delivery (practice_id, month, trigger, status, attempts, next_attempt_at,
                                                    requested_by, created_at)
                select p.id, ?, 'SCHEDULE', 'WAITING', 0, ?, 'schedule', ?
                  from practice_report p
                 where p.status = 'ACTIVE' and nullif(trim(p.contact_email), '') is not null
                on conflict do nothing""", java.sql.Date.valueOf(month.atDay(1)), now(), now());
    }

    /** Queues the month's report of a practice to be emailed now, at a user's request; answers its delivery id. */
    public long queue(long practiceId, YearMonth month, String requestedBy) {
        Long id = jdbc.queryForObject("""
                insert into client_report_delivery (practice_id, month, trigger, status, attempts, next_attempt_at,
                                                    requested_by, created_at)
                values (?, ?, 'ON_DEMAND', 'WAITING', 0, ?, ?, ?) returning id""", Long.class, practiceId,
                java.sql.Date.valueOf(month.atDay(1)), now(), requestedBy, now());
        return id;
    }

    /** Sends every due report, one row at a time; answers how many were tried. */
    public int sendDue() {
        int tried = 0;
        while (Boolean.TRUE.equals(transaction.execute(tx -> sendOne(null)))) {
            tried++;
        }
        return tried;
    }

    /** Tries one delivery now (a user asked for it), unless another node holds it; answers how it stands. */
    public Delivery sendNow(long id) {
        transaction.execute(tx -> sendOne(id));
        return delivery(id).orElseThrow();
    }

    public Optional<Delivery> delivery(long id) {
        return jdbc.query(SELECT + " where d.id = ?", ClientReportMail::delivery, id).stream().findFirst();
    }

    /** The newest deliveries of the given practices, newest first. */
    public List<Delivery> recent(java.util.Collection<Long> practiceIds, int limit) {
        if (practiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " where d.practice_id = any(?) order by d.created_at desc, d.id desc limit ?",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("bigint", practiceIds.toArray()));
                    ps.setInt(2, limit);
                }, ClientReportMail::delivery);
    }

    private static final String SELECT = """
            select d.id, d.practice_id, d.month, d.trigger, d.status, d.attempts, d.next_attempt_at, d.sent_to,
                   d.sent_at, d.last_error, d.requested_by from client_report_delivery d""";

    private static Delivery delivery(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Delivery(rs.getLong(1), rs.getLong(2), YearMonth.from(rs.getDate(3).toLocalDate()), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11));
    }

    /** Takes one due row (skipping those another node holds), or the one asked for, and tries it; false when none. */
    private boolean sendOne(Long only) {
        List<Object[]> due = jdbc.query("""
                select d.id, d.practice_id, d.month, d.attempts, p.name, p.contact_email
                  from client_report_delivery d join practice_report p on p.id = d.practice_id
                 where d.status = 'WAITING' and d.next_attempt_at <= ? and (cast(? as bigint) is null or d.id = ?)
                 order by d.next_attempt_at, d.id limit 1 for update of d skip locked""",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
                        rs.getString(5), rs.getString(6)}, now(), only, only);
        if (due.isEmpty()) {
            return false;
        }
        long id = (Long) due.get(0)[0];
        var practice = new ClientReport.Practice((Long) due.get(0)[1], (String) due.get(0)[4]);
        YearMonth month = YearMonth.from((LocalDate) due.get(0)[2]);
        int attempts = (Integer) due.get(0)[3] + 1;
        String to = (String) due.get(0)[5];
        try {
            if (to == null || to.isBlank()) {
                throw new IllegalStateException("the practice has no contact email");
            }
            email(reports.compute(practice, month), to.trim());
            jdbc.update("""
                    update client_report_delivery set status = 'SENT', attempts = ?, sent_to = ?, sent_at = ?,
                           last_error = null where id = ?""", attempts, to.trim(), now(), id);
            log.info("Monthly report {} of practice {} emailed (delivery {})", month, practice.id(), id);
        } catch (RuntimeException e) {
            boolean last = attempts >= properties.maxAttempts();
            Duration pause = properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 10));
            jdbc.update("""
                    update client_report_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?
                     where id = ?""", last ? "FAILED" : "WAITING", attempts, Timestamp.from(clock.instant().plus(pause)),
                    abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage()), id);
            log.warn("Monthly report {} of practice {} not emailed (attempt {}{}): {}", month, practice.id(), attempts,
                    last ? ", the last" : ", tried again in " + pause, e.toString());
        }
        return true;
    }

    /** Subject and file names carry the practice and month only: the report holds no patient's data anyway. */
    private void email(ClientReport report, String to) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server configured: set spring.mail.host (see README)");
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject("Monthly denial report " + report.month() + " - " + report.practice().name());
            helper.setText("""
                    Attached is the denial and appeal report of %s for %s, as a PDF and as an Excel workbook.
                    Denials received: %d ($%s). Recovered: %d ($%s). Written off: %d ($%s). Still open: %d ($%s).
                    """.formatted(report.practice().name(), report.month(), report.received().denials(),
                    report.received().dollars(), report.recovered().denials(), report.recovered().dollars(),
                    report.writtenOff().denials(), report.writtenOff().dollars(), report.open().denials(),
                    report.open().dollars()));
            helper.addAttachment(ClientReportDocuments.fileName(report, "pdf"),
                    new ByteArrayResource(documents.pdf(report)), "application/pdf");
            helper.addAttachment(ClientReportDocuments.fileName(report, "xlsx"),
                    new ByteArrayResource(documents.xlsx(report)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the report email", e);
        }
        sender.send(message);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}

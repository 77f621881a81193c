package org.overturn.letters;

import java.time.Instant;
import java.util.List;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.SqlCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What was emailed, newest first: to whom, when, with which Message-ID, which letter version and who
 * approved it; and, on the local run, whether the embedded mail server is up. Part 2 rows are redacted for
 * users without Part 2 access.
 */
@Controller
class OutboxPage {

    public record Sent(long denialId, boolean redacted, String to, String subject, String messageId, Instant sentAt,
                       long versionId, int version, String approvedBy, boolean disclosure, int attachments) {
    }

    public record Page(CurrentUser user, List<Sent> sent, Integer localSmtpPort, Integer localImapPort,
                       boolean localRunning) {
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.beans.factory.ObjectProvider<LocalMailOutbox> outbox;

    private final DenialAccess access;

    OutboxPage(JdbcTemplate jdbc, org.springframework.beans.factory.ObjectProvider<LocalMailOutbox> outbox,
               DenialAccess access) {
        this.access = access;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @GetMapping("/outbox")
    String outbox(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        // the letters of denials in the user's scope; a Part 2 disclosure shows neither recipient nor subject
        SqlCondition scope = access.scopeCondition(user, "n");
        List<Sent> sent = jdbc.query("""
                select d.denial_id, n.part2, d.to_address, d.subject, d.message_id, d.sent_at, v.id, v.version,
                       d.approved_by, d.consent_id is not null as disclosure, d.attachments
                  from letter_delivery d join letter_version v on v.id = d.letter_version_id
                  join denial_report n on n.id = d.denial_id
                 where true""" + scope.sql() + """
                 order by d.sent_at desc limit 200
                """, (rs, i) -> {
            boolean redacted = access.redacts(user, rs.getBoolean(2));
            return new Sent(rs.getLong(1), redacted, redacted ? null : rs.getString(3),
                    redacted ? DenialAccess.RESTRICTED : rs.getString(4), redacted ? null : rs.getString(5),
                    rs.getTimestamp(6).toInstant(), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getBoolean(10),
                    rs.getInt(11));
        }, scope.args().toArray());
        LocalMailOutbox local = outbox.getIfAvailable();
        model.addAttribute("page", new Page(user, sent, local == null ? null : local.smtpPort(),
                local == null ? null : local.imapPort(), local != null && local.running()));
        return "outbox";
    }
}

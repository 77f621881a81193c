package org.overturn.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for admins: {@code GET /api/audit} (JSON) and {@code GET /api/audit/export} (CSV). */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('admin')")
class AuditController {

    record AuditEvent(long id, Instant occurredAt, String actor, String action, String recordType, String recordId,
                      String detail, String remoteAddress) {
    }

    private static final RowMapper<AuditEvent> ROW = (rs, i) -> new AuditEvent(rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
            rs.getString("record_type"), rs.getString("record_id"), rs.getString("detail"),
            rs.getString("remote_address"));

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    AuditController(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping
    List<AuditEvent> search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String recordType,
                            @RequestParam(required = false) String recordId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "500") int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(actor, action, recordType, recordId, from, to, args);
        args.add(Math.min(Math.max(limit, 1), 10_000));
        return jdbc.query("select * from audit_event" + where + " order by id desc limit ?", ROW, args.toArray());
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) String actor,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        List<Object> args = new ArrayList<>();
        String where = where(actor, action, null, null, from, to, args);
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        out.println("id,occurred_at,actor,action,record_type,record_id,detail,remote_address");
        jdbc.query("select * from audit_event" + where + " order by id", rs -> {
            AuditEvent e = ROW.mapRow(rs, 0);
            out.println(String.join(",", String.valueOf(e.id()), e.occurredAt().toString(), csv(e.actor()),
                    csv(e.action()), csv(e.recordType()), csv(e.recordId()), csv(e.detail()), csv(e.remoteAddress())));
        }, args.toArray());
        out.flush();
        audit.record(AuditAction.EXPORT, "audit-log", null, null);
    }

    private static String where(String actor, String action, String recordType, String recordId, LocalDate from,
                                LocalDate to, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        add(clauses, args, "actor = ?", actor);
        add(clauses, args, "action = ?", action);
        add(clauses, args, "record_type = ?", recordType);
        add(clauses, args, "record_id = ?", recordId);
        add(clauses, args, "occurred_at >= ?", from == null ? null : Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
        add(clauses, args, "occurred_at < ?", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static void add(List<String> clauses, List<Object> args, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            clauses.add(clause);
            args.add(value);
        }
    }

    /**
     * Quotes a CSV field and defuses spreadsheet formulas: a field starting with = + - @, a tab or a CR gets a
     * leading apostrophe. Line breaks become spaces, so that every event stays one line even for line-based
     * readers (grep, a log shipper) that do not honour quoted newlines.
     */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        String safe = startsWithAny(value, "=+-@\t\r") || startsWithAny(oneLine.stripLeading(), "=+-@")
                ? "'" + oneLine : oneLine;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static boolean startsWithAny(String value, String characters) {
        return !value.isEmpty() && characters.indexOf(value.charAt(0)) >= 0;
    }
}

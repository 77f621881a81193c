package org.overturn.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.SqlCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds denials by payer, root cause, queue, status and remittance date, newest first, a page at a time or all
 * of them streamed (for exports), within the access gate's scope: Part 2 denials are redacted for users without
 * Part 2 access, and never matched by a filter on what they say.
 */
@Service
public class DenialSearch {

    public record Criteria(String payer, String rootCause, String queue, String status, LocalDate from,
                           LocalDate to) {

        public static Criteria of(String payer, String rootCause, String queue, String status, LocalDate from,
                                  LocalDate to) {
            return new Criteria(blank(payer), upper(rootCause), blank(queue), upper(status), from, to);
        }

        boolean narrowsByContent() {
            return payer != null || rootCause != null;
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }

        private static String upper(String text) {
            String t = blank(text);
            return t == null ? null : t.toUpperCase(Locale.ROOT);
        }
    }

    /** One denial in a list; text fields are null and {@code redacted} true for a hidden Part 2 denial. */
    public record Row(long id, boolean redacted, LocalDate remittanceDate, String payerName, String payerId,
                      String patientControlNumber, String kind, String rootCause, String primaryReason,
                      String queue, String status, BigDecimal amountAtRisk, BigDecimal recoveredAmount,
                      LocalDate appealDueDate, int priority, boolean part2) {
    }

    public record Found(List<Row> rows, int page, int size, long total) {
    }

    private final JdbcTemplate jdbc;
    private final DenialAccess access;

    DenialSearch(JdbcTemplate jdbc, DenialAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Found page(Criteria criteria, CurrentUser user, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, user, args);
        Long total = jdbc.queryForObject("select count(*) from denial_report d" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Row> rows = jdbc.query(SELECT + where + " order by d.id desc limit ? offset ?",
                (rs, i) -> row(rs, user, access), args.toArray());
        return new Found(rows, page, size, total == null ? 0 : total);
    }

    /** Every match, streamed from the database in id order without holding them all in memory. */
    @Transactional(readOnly = true)
    public void forEach(Criteria criteria, CurrentUser user, Consumer<Row> each) {
        List<Object> args = new ArrayList<>();
        String where = where(criteria, user, args);
        jdbc.query(con -> {
            var statement = con.prepareStatement(SELECT + where + " order by d.id desc");
            statement.setFetchSize(500);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, rs -> {
            each.accept(row(rs, user, access));
        });
    }

    private static final String SELECT = """
            select d.id, d.remittance_date, d.payer_name, d.payer_id, d.patient_control_number, d.kind, d.root_cause,
                   d.primary_reason, d.queue, d.status, d.amount_at_risk, d.recovered_amount, d.appeal_due_date,
                   d.priority, d.part2
              from denial_report d""";

    private String where(Criteria c, CurrentUser user, List<Object> args) {
        var where = new StringBuilder(" where d.follows_denial_id is null");
        SqlCondition gate = access.listCondition(user, "d", c.narrowsByContent());
        where.append(gate.sql());
        args.addAll(gate.args());
        if (c.payer() != null) {
            where.append(" and (d.payer_id = ? or d.payer_name = ?)");
            args.add(c.payer());
            args.add(c.payer());
        }
        if (c.rootCause() != null) {
            where.append(" and d.root_cause = ?");
            args.add(c.rootCause());
        }
        if (c.queue() != null) {
            where.append(" and d.queue = ?");
            args.add(c.queue());
        }
        if (c.status() != null) {
            where.append(" and d.status = ?");
            args.add(c.status());
        }
        if (c.from() != null) {
            where.append(" and d.remittance_date >= ?");
            args.add(java.sql.Date.valueOf(c.from()));
        }
        if (c.to() != null) {
            where.append(" and d.remittance_date <= ?");
            args.add(java.sql.Date.valueOf(c.to()));
        }
        return where.toString();
    }

    private static Row row(java.sql.ResultSet rs, CurrentUser user, DenialAccess access) throws java.sql.SQLException {
        boolean part2 = rs.getBoolean("part2");
        boolean redacted = access.redacts(user, part2);
        java.sql.Date remitted = rs.getDate("remittance_date");
        java.sql.Date due = rs.getDate("appeal_due_date");
        return new Row(rs.getLong("id"), redacted, remitted == null ? null : remitted.toLocalDate(),
                redacted ? null : rs.getString("payer_name"), redacted ? null : rs.getString("payer_id"),
                redacted ? null : rs.getString("patient_control_number"), redacted ? null : rs.getString("kind"),
                redacted ? null : rs.getString("root_cause"), redacted ? null : rs.getString("primary_reason"),
                rs.getString("queue"), rs.getString("status"), rs.getBigDecimal("amount_at_risk"),
                rs.getBigDecimal("recovered_amount"), due == null ? null : due.toLocalDate(), rs.getInt("priority"),
                part2);
    }
}

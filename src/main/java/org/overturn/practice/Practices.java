package org.overturn.practice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practices on file: the list, one, the ones a user works, and recognition of the practice a file is for. A
 * file names its practice by the billing provider's NPI (the 835 payee's N104 when N103 is XX, the 837's 2010AA
 * NM109), a clinician's NPI, or its tax id (REF*TJ, or N104 when N103 is FI); a file whose provider matches none
 * creates a PENDING practice an administrator confirms, never falls into some default one.
 */
@Service
public class Practices {

    public static final String FROM_835_PAYEE = "PAYEE_835";
    public static final String FROM_837_BILLING_PROVIDER = "BILLING_PROVIDER_837";
    public static final String CREATED = "CREATED";

    private static final String COLUMNS = """
            id, name, tax_id, group_npi, rendering_npis, status, address_lines, phone, fax, signer_name, signer_title,
            logo_data_uri, contact_email, recognised_from""";

    private final JdbcTemplate jdbc;
    private final PracticeAccess access;
    private final AuditTrail audit;

    Practices(JdbcTemplate jdbc, PracticeAccess access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    public List<Practice> list() {
        return jdbc.query("select " + COLUMNS + " from practice order by name, id", ROW);
    }

    public Optional<Practice> find(long id) {
        return jdbc.query("select " + COLUMNS + " from practice where id = ?", ROW, id).stream().findFirst();
    }

    /** The practices this user works, by name (every practice for an administrator). */
    public List<Practice> of(CurrentUser user) {
        Set<Long> ids = access.practicesOf(user);
        return list().stream().filter(p -> ids.contains(p.id())).toList();
    }

    /** Every practice's id and name, for rows that carry their practice. */
    public Map<Long, PracticeRef> refs() {
        Map<Long, PracticeRef> refs = new LinkedHashMap<>();
        jdbc.query("select id, name from practice order by id",
                rs -> { refs.put(rs.getLong(1), new PracticeRef(rs.getLong(1), rs.getString(2))); });
        return refs;
    }

    public PracticeRef ref(long id) {
        return jdbc.queryForObject("select id, name from practice where id = ?",
                (rs, i) -> new PracticeRef(rs.getLong(1), rs.getString(2)), id);
    }

    /** The refs of these practices, by id. */
    public Map<Long, PracticeRef> refs(Collection<Long> ids) {
        Map<Long, PracticeRef> all = refs();
        Map<Long, PracticeRef> found = new LinkedHashMap<>();
        ids.forEach(id -> { if (id != null && all.containsKey(id)) { found.put(id, all.get(id)); } });
        return found;
    }

    /**
     * The practice a provider named in a file is: by NPI (the practice's group NPI, then one of its clinicians'),
     * else by tax id when exactly one practice has it, else by name among practices that have neither; none of
     * those: a new PENDING practice. Concurrent files naming the same stranger create it once.
     *
     * @param source {@link #FROM_835_PAYEE} or {@link #FROM_837_BILLING_PROVIDER}
     */
    @Transactional
    public long recognise(String name, String npi, String taxId, String source) {
        String cleanNpi = npi == null || npi.isBlank() ? null : npi.trim();
        String cleanTaxId = taxId == null || taxId.isBlank() ? null : taxId.replace("-", "").trim();
        String cleanName = name == null || name.isBlank() ? "Unnamed provider" : name.trim();
        String key = cleanNpi != null ? "npi|" + cleanNpi : cleanTaxId != null ? "tin|" + cleanTaxId : "name|" + cleanName;
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 19))", Object.class, "practice|" + key);
        return find(cleanName, cleanNpi, cleanTaxId).orElseGet(() -> jdbc.queryForObject("""
                insert into practice (name, group_npi, tax_id, status, recognised_from)
                values (?, ?, ?, 'PENDING', ?) returning id
                """, Long.class, truncate(cleanName, 120),
                cleanNpi != null && cleanNpi.matches("\\d{10}") ? cleanNpi : null, truncate(cleanTaxId, 20), source));
    }

    private Optional<Long> find(String name, String npi, String taxId) {
        if (npi != null) {
            List<Long> byNpi = jdbc.queryForList("""
                    select id from practice where group_npi = ? or ? = any(rendering_npis)
                     order by (group_npi = ?) desc nulls last, id limit 1
                    """, Long.class, npi, npi, npi);
            if (!byNpi.isEmpty()) {
                return Optional.of(byNpi.get(0));
            }
        }
        if (taxId != null) {
            List<Long> byTaxId = jdbc.queryForList("select id from practice where tax_id = ?", Long.class, taxId);
            if (byTaxId.size() == 1) {
                return Optional.of(byTaxId.get(0));
            }
            return Optional.empty();
        }
        if (npi == null) {
            return jdbc.queryForList("""
                    select id from practice where group_npi is null and tax_id is null and upper(name) = upper(?)
                     order by id limit 1
                    """, Long.class, name).stream().findFirst();
        }
        return Optional.empty();
    }

    /** An administrator confirms a practice recognised from a file: it is ACTIVE from now on. */
    @Transactional
    public Practice confirm(long id, String by) {
        require(id);
        jdbc.update("update practice set status = 'ACTIVE' where id = ?", id);
        audit.record(AuditAction.PRACTICE_CHANGED, "practice", String.valueOf(id), "confirmed by " + by);
        return find(id).orElseThrow();
    }

    /** An administrator changes a practice: what the change names, the rest as it was. */
    @Transactional
    public Practice change(long id, PracticeChange change) {
        Practice was = require(id);
        Letterhead l = change.letterhead() == null ? was.letterhead() : change.letterhead();
        String npi = change.groupNpi() == null ? was.groupNpi() : blankToNull(change.groupNpi());
        if (npi != null && !npi.matches("\\d{10}")) {
            throw new IllegalArgumentException("A group NPI is ten digits");
        }
        jdbc.update("""
                update practice set name = ?, tax_id = ?, group_npi = ?, rendering_npis = ?, address_lines = ?,
                       phone = ?, fax = ?, signer_name = ?, signer_title = ?, logo_data_uri = ?, contact_email = ?
                 where id = ?
                """, change.name() == null || change.name().isBlank() ? was.name() : change.name().trim(),
                change.taxId() == null ? was.taxId() : blankToNull(change.taxId()), npi,
                (change.renderingNpis() == null ? was.renderingNpis() : change.renderingNpis()).toArray(String[]::new),
                l.addressLines().toArray(String[]::new), l.phone(), l.fax(), l.signerName(), l.signerTitle(),
                logo(l.logoDataUri()), change.contactEmail() == null ? was.contactEmail() : blankToNull(change.contactEmail()),
                id);
        audit.record(AuditAction.PRACTICE_CHANGED, "practice", String.valueOf(id), "changed");
        return find(id).orElseThrow();
    }

    /** Every user's practices, by user. */
    public List<PracticeAssignment> assignments() {
        Map<String, List<Long>> listed = new LinkedHashMap<>();
        Map<String, Boolean> every = new LinkedHashMap<>();
        jdbc.query("select user_id, practice_id from practice_assignment order by user_id, practice_id", rs -> {
            String user = rs.getString(1);
            long practice = rs.getLong(2);
            boolean all = rs.wasNull();
            listed.computeIfAbsent(user, k -> new java.util.ArrayList<>());
            every.merge(user, all, Boolean::logicalOr);
            if (!all) {
                listed.get(user).add(practice);
            }
        });
        return listed.keySet().stream().map(u -> new PracticeAssignment(u, every.get(u), listed.get(u))).toList();
    }

    public PracticeAssignment assignmentOf(String userId) {
        return assignments().stream().filter(a -> a.userId().equals(userId)).findFirst()
                .orElse(new PracticeAssignment(userId, false, List.of()));
    }

    /** Replaces a user's practices; nothing listed and not every practice: the user sees no practice's records. */
    @Transactional
    public PracticeAssignment assign(PracticeAssignment assignment) {
        for (Long id : assignment.practiceIds()) {
            require(id);
        }
        jdbc.update("delete from practice_assignment where user_id = ?", assignment.userId());
        if (assignment.everyPractice()) {
            jdbc.update("insert into practice_assignment (user_id, practice_id) values (?, null)", assignment.userId());
        } else {
            for (Long id : assignment.practiceIds()) {
                jdbc.update("insert into practice_assignment (user_id, practice_id) values (?, ?)",
                        assignment.userId(), id);
            }
        }
        audit.record(AuditAction.PRACTICE_CHANGED, "user", assignment.userId(), assignment.everyPractice()
                ? "works every practice" : "works practices " + assignment.practiceIds());
        return assignmentOf(assignment.userId());
    }

    private Practice require(long id) {
        return find(id).orElseThrow(() -> new java.util.NoSuchElementException("No practice " + id));
    }

    /** Only a data: image reaches a letter (the PDF renderer fetches no URL). */
    private static String logo(String dataUri) {
        if (dataUri == null || dataUri.isBlank()) {
            return null;
        }
        if (!dataUri.startsWith("data:image/")) {
            throw new IllegalArgumentException("A logo is a data:image/... URI");
        }
        return dataUri;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static final RowMapper<Practice> ROW = (rs, i) -> new Practice(rs.getLong("id"), rs.getString("name"),
            rs.getString("tax_id"), rs.getString("group_npi"), strings(rs, "rendering_npis"),
            PracticeStatus.valueOf(rs.getString("status")),
            new Letterhead(strings(rs, "address_lines"), rs.getString("phone"), rs.getString("fax"),
                    rs.getString("signer_name"), rs.getString("signer_title"), rs.getString("logo_data_uri")),
            rs.getString("contact_email"), rs.getString("recognised_from"));

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package org.overturn.regime;

import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.overturn.regime.internal.Csv;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipient directory: who receives an appeal at a level past the payer's desk (QIC, IRE, IRO, OMHA, the
 * Council, a state's fair hearing office or insurance department), per state or for every state. Imported from a
 * CSV with columns {@code kind,state,name,email,address,phone,source}; a row replaces the one of its kind and state.
 */
@Service
public class AppealRecipients {

    static final List<String> COLUMNS = List.of("kind", "state", "name", "email", "address", "phone", "source");

    public record Recipient(RecipientKind kind, String state, String name, String email, String address,
                            String phone, String source) {

        /** What a denial shows: the name, and where to send when known. */
        public String label() {
            String where = email != null ? email : address;
            return where == null ? name : name + " (" + where + ")";
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AppealRecipients(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The recipient of this kind for the state, else the one for every state. */
    @Transactional(readOnly = true)
    public Optional<Recipient> find(RecipientKind kind, String state) {
        return jdbc.query("""
                select * from appeal_recipient where kind = ? and (state = ? or state is null)
                order by state nulls last limit 1""", (rs, i) -> recipient(rs), kind.name(),
                state == null ? null : state.toUpperCase(Locale.ROOT)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Recipient> all() {
        return jdbc.query("select * from appeal_recipient order by kind, state nulls first", (rs, i) -> recipient(rs));
    }

    /** Imports every row or none; answers how many rows were stored. */
    @Transactional
    public int load(Reader csv) {
        List<List<String>> records = Csv.read(csv);
        if (records.isEmpty() || !records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList()
                .equals(COLUMNS)) {
            throw new IllegalArgumentException("line 1: the columns must be " + String.join(",", COLUMNS));
        }
        List<Recipient> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + r.size() + " fields, not "
                        + COLUMNS.size());
            }
            RecipientKind kind;
            try {
                kind = RecipientKind.valueOf(r.get(0).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": no recipient kind " + r.get(0));
            }
            String state = blank(r.get(1));
            if (state != null && !state.matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a state is two letters, not " + state);
            }
            String name = blank(r.get(2));
            if (name == null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": the name is empty");
            }
            rows.add(new Recipient(kind, state == null ? null : state.toUpperCase(Locale.ROOT), name, blank(r.get(3)),
                    blank(r.get(4)), blank(r.get(5)), blank(r.get(6))));
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Recipient row : rows) {
            jdbc.update("delete from appeal_recipient where kind = ? and coalesce(state, '') = coalesce(?, '')",
                    row.kind().name(), row.state());
            jdbc.update("""
                    insert into appeal_recipient (kind, state, name, email, address, phone, source, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", row.kind().name(), row.state(), row.name(), row.email(),
                    row.address(), row.phone(), row.source(), now);
        }
        return rows.size();
    }

    private static Recipient recipient(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Recipient(RecipientKind.valueOf(rs.getString("kind")), rs.getString("state"), rs.getString("name"),
                rs.getString("email"), rs.getString("address"), rs.getString("phone"), rs.getString("source"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.overturn.denial;

import java.io.Reader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CARC and RARC lists in force, kept in PostgreSQL (table {@code reason_code}) so every code on screen can
 * be explained. The lists shipped with Overturn are loaded into an empty database; an admin loads a newer list
 * (X12's CSV) without a release, and it takes effect at once, on every server of the same database.
 */
@Service
public class ReasonCodes {

    public enum Kind { CARC, RARC }

    static final String SHIPPED_SOURCE = "shipped with Overturn (reference/codes/SOURCES.md)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile ReasonCodeList current = ReasonCodeList.shipped();
    /** The newest {@code loaded_at} in the table when {@link #current} was read from it. */
    private volatile Timestamp currentAsOf;

    ReasonCodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The lists in force: what the database holds over what Overturn ships. Read again when the table changed, as
     * it does when an admin loads a newer list through another server on the same database.
     */
    public ReasonCodeList current() {
        Timestamp newest = newestLoad();
        if (newest != null && !newest.equals(currentAsOf)) {
            synchronized (this) {
                if (!newest.equals(currentAsOf)) {
                    current = fromDatabase();
                    currentAsOf = newest;
                }
            }
        }
        return current;
    }

    private Timestamp newestLoad() {
        return jdbc.queryForObject("select max(loaded_at) from reason_code", Timestamp.class);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void loadShippedListsIntoEmptyDatabase() {
        if (jdbc.queryForObject("select count(*) from reason_code", Long.class) == 0) {
            store(Kind.CARC, current.carcs(), SHIPPED_SOURCE);
            store(Kind.RARC, current.rarcs(), SHIPPED_SOURCE);
        }
        currentAsOf = newestLoad();
        current = fromDatabase();
    }

    /** Loads a newer list (X12's CSV: code, description, start date, last modified, stop date); returns its size. */
    @Transactional
    public int loadNewer(Kind kind, Reader csv, String source) {
        // on top of what the table holds now, not of an older copy that would undo another server's load
        ReasonCodeList base = current();
        ReasonCodeList merged = kind == Kind.CARC ? base.withNewerCarcs(csv) : base.withNewerRarcs(csv);
        Collection<ReasonCode> codes = kind == Kind.CARC ? merged.carcs() : merged.rarcs();
        int before = kind == Kind.CARC ? base.carcs().size() : base.rarcs().size();
        store(kind, codes, source);
        current = merged;
        currentAsOf = null;
        return codes.size() - before;
    }

    private void store(Kind kind, Collection<ReasonCode> codes, String source) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into reason_code (list, code, description, start_date, stop_date, source, loaded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (list, code) do update set description = excluded.description,
                    start_date = excluded.start_date, stop_date = excluded.stop_date, source = excluded.source,
                    loaded_at = excluded.loaded_at
                 where reason_code.description is distinct from excluded.description
                    or reason_code.stop_date is distinct from excluded.stop_date
                    or reason_code.start_date is distinct from excluded.start_date
                """, codes, 500, (ps, code) -> {
            ps.setString(1, kind.name());
            ps.setString(2, code.code());
            ps.setString(3, code.description());
            ps.setDate(4, code.startDate() == null ? null : Date.valueOf(code.startDate()));
            ps.setDate(5, code.stopDate() == null ? null : Date.valueOf(code.stopDate()));
            ps.setString(6, source);
            ps.setTimestamp(7, now);
        });
    }

    /** The shipped lists with whatever the database holds on top (an earlier admin load survives restarts). */
    private ReasonCodeList fromDatabase() {
        StringBuilder carcs = new StringBuilder("code,description,start_date,last_modified,stop_date\n");
        StringBuilder rarcs = new StringBuilder("code,description,start_date,last_modified,stop_date\n");
        jdbc.query("select list, code, description, start_date, stop_date from reason_code where source <> ?", row -> {
            StringBuilder target = Kind.CARC.name().equals(row.getString("list")) ? carcs : rarcs;
            target.append(csv(row.getString("code"))).append(',').append(csv(row.getString("description")))
                    .append(',').append(date(row.getDate("start_date"))).append(",,")
                    .append(date(row.getDate("stop_date"))).append('\n');
        }, SHIPPED_SOURCE);
        return ReasonCodeList.shipped().withNewerCarcs(new java.io.StringReader(carcs.toString()))
                .withNewerRarcs(new java.io.StringReader(rarcs.toString()));
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String date(Date date) {
        return date == null ? "" : date.toLocalDate().toString();
    }
}

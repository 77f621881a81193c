package org.overturn.worklist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Free-text notes on a denial: who wrote what, when. Never logged: they may name the patient. */
@Service
public class DenialNotes {

    public static final int MAX_LENGTH = 4000;

    public record Note(long id, String author, Instant writtenAt, String body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DenialNotes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Note> of(long denialId) {
        return jdbc.query("select id, author, written_at, body from denial_note where denial_id = ? order by id",
                (rs, i) -> new Note(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                denialId);
    }

    /** Adds a note; {@link TaskProblem} INVALID when it is empty or too long. */
    @Transactional
    public void add(long denialId, String author, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the note",
                    java.util.Map.of("note", "Write the note first"));
        }
        if (text.length() > MAX_LENGTH) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Please correct the note",
                    java.util.Map.of("note", "A note has at most " + MAX_LENGTH + " characters"));
        }
        jdbc.update("insert into denial_note (denial_id, author, written_at, body) values (?, ?, ?, ?)",
                denialId, author, Timestamp.from(clock.instant()), text);
    }
}

package org.overturn.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that decides who may see, work or send a denial; every page, API, export, letter, attachment,
 * count and filter asks it, and lists use its SQL condition.
 * <ul>
 * <li><b>Scope</b>: a user sees the denials of the practices they work ({@link PracticeAccess}; admins: every
 * practice); within those, managers and admins see every denial, everybody else the denials that are or were in
 * one of their queues (the queue the decision table chose, and every queue one of its tasks was offered to, kept by
 * workflow).</li>
 * <li><b>Part 2</b> (42 CFR Part 2): a substance-use record in scope is shown to a user without Part 2 access
 * only as its money and dates ({@link Level#REDACTED}); such a user cannot open its letters, documents, notes,
 * consents or tasks, and a list filtered by what the denial says (payer, root cause, procedure) leaves it out,
 * so that a filter cannot tell what a hidden record is about.</li>
 * <li><b>Work</b>: seeing it in full. Which tasks a user may claim is the queue's rule on top
 * (worklist); a Part 2 denial's tasks, a manager's approval included, need Part 2 access.</li>
 * </ul>
 * Facts come from the declared views {@code security_denial_scope} and {@code workflow_denial_queue_visit}
 * ({@code R__declared_views.sql}); a list's condition also reads the listed denial's own {@code queue},
 * {@code part2} and {@code practice_id} (its alias is the denial table or a view of it).
 */
@Service
public class DenialAccess {

    public static final String RESTRICTED = "Restricted: substance-use record (42 CFR Part 2)";

    /** How much of a denial a user may see. */
    public enum Level {
        /** Out of this user's scope, or not there at all. */
        NONE,
        /** That it exists, its money and dates: a Part 2 record and a user without Part 2 access. */
        REDACTED,
        FULL
    }

    /** What the gate knows of one denial. */
    public record Facts(long denialId, boolean part2, Set<String> queues, long practiceId) {
    }

    private final JdbcTemplate jdbc;
    private final PracticeAccess practices;

    DenialAccess(JdbcTemplate jdbc, PracticeAccess practices) {
        this.jdbc = jdbc;
        this.practices = practices;
    }

    public Optional<Facts> factsOf(long denialId) {
        List<Facts> found = jdbc.query("""
                select denial_id, bool_or(part2) as part2, array_agg(queue) as queues, min(practice_id)
                  from security_denial_scope where denial_id = ? group by denial_id
                """, (rs, i) -> new Facts(rs.getLong(1), rs.getBoolean(2),
                Set.of((String[]) rs.getArray(3).getArray()), rs.getLong(4)), denialId);
        return found.stream().findFirst();
    }

    public Level levelOf(CurrentUser user, long denialId) {
        return factsOf(denialId).map(f -> levelOf(user, f)).orElse(Level.NONE);
    }

    public Level levelOf(CurrentUser user, Facts facts) {
        boolean inScope = (user.isManagerOrAdmin() || facts.queues().stream().anyMatch(user.queues()::contains))
                && practices.works(user, facts.practiceId());
        if (!inScope) {
            return Level.NONE;
        }
        return redacts(user, facts.part2()) ? Level.REDACTED : Level.FULL;
    }

    /**
     * Whether the denial is of a practice this user works (admins: every practice); a denial not there is of none.
     * For what a queue's membership already scopes, such as a task: the practice is the other half.
     */
    public boolean inPracticesOf(CurrentUser user, long denialId) {
        return factsOf(denialId).map(f -> practices.works(user, f.practiceId())).orElse(false);
    }

    /** The practice half of {@link #scopeCondition} alone, for lists whose queue is already the user's. */
    public SqlCondition practiceCondition(CurrentUser user, String alias) {
        return practices.condition(user, alias + ".practice_id");
    }

    /** Whether a row of a record with this Part 2 flag is shown to this user as money and dates only. */
    public boolean redacts(CurrentUser user, boolean part2) {
        return part2 && !user.seesPart2();
    }

    /**
     * Refuses (403, audited) a denial outside the user's scope; a redacted view is allowed. A denial that is not
     * there is a 404 (ids are sequential: that one exists tells nothing).
     */
    public Level requireVisible(CurrentUser user, long denialId) {
        Facts facts = factsOf(denialId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No denial " + denialId));
        Level level = levelOf(user, facts);
        if (level == Level.NONE) {
            throw new AccessRefused("denial", denialId, "This denial is not in a queue or practice of yours");
        }
        return level;
    }

    /** Refuses (403, audited) unless the user sees the whole denial: to read its letters or work it. */
    public void requireFull(CurrentUser user, long denialId) {
        if (requireVisible(user, denialId) != Level.FULL) {
            throw new AccessRefused("denial", denialId, RESTRICTED);
        }
    }

    /**
     * The condition a list of denials adds to its WHERE clause: the user's scope, and, when the list is filtered by
     * what denials say, no Part 2 records the user may not see. {@code alias} names the denial table in the query.
     */
    public SqlCondition listCondition(CurrentUser user, String alias, boolean filteredByContent) {
        return scopeCondition(user, alias).and(contentCondition(user, alias, filteredByContent));
    }

    /**
     * The Part 2 half of {@link #listCondition} alone, for a list whose scope is already the user's: a queue's
     * tasks, which a user sees only as a member of the queue (or a manager).
     */
    public SqlCondition contentCondition(CurrentUser user, String alias, boolean filteredByContent) {
        return filteredByContent && !user.seesPart2()
                ? new SqlCondition(" and not " + alias + ".part2", List.of()) : SqlCondition.NONE;
    }

    /** The user's scope alone (practices and queues), for counts and lists that are not filtered by content. */
    public SqlCondition scopeCondition(CurrentUser user, String alias) {
        SqlCondition practice = practices.condition(user, alias + ".practice_id");
        if (user.isManagerOrAdmin()) {
            return practice;
        }
        String[] queues = user.queues().toArray(String[]::new);
        return new SqlCondition(" and (" + alias + ".queue = any(?) or exists (select 1 from workflow_denial_queue_visit"
                + " v where v.denial_id = " + alias + ".id and v.queue = any(?)))", List.of(queues, queues))
                .and(practice);
    }
}

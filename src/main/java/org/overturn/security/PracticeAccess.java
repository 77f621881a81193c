package org.overturn.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The practice half of the access gate: a user sees the records of the practices they are assigned to, read live
 * from the declared view {@code practice_user_scope} (so a new assignment counts at once, without signing in
 * again); administrators see every practice; a user assigned to none sees nothing. {@link DenialAccess} adds it to
 * every denial decision; remittances, tasks and the other records that carry a practice ask it directly.
 */
@Service
public class PracticeAccess {

    private final JdbcTemplate jdbc;

    PracticeAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Administrators, and users whose practices are all there are (a billing office's billers and managers): their
     * lists need no practice condition at all. That is not only a shorter query: a queue's size is then counted from
     * its index alone, where the condition made a biller's queue listing count every open task of the queue through
     * its denial (a biller's first page of appeals at a million claims: 169 ms with it, 23 ms without).
     */
    public boolean seesEveryPractice(CurrentUser user) {
        return user.hasRole(Roles.ADMIN) || worksEveryPractice(user);
    }

    /** Whether the user's practices are all there are, at this moment: one small query on the declared views. */
    private boolean worksEveryPractice(CurrentUser user) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from practice_report) and (select count(*) from practice_user_scope s"
                        + " where s.user_id = ?) = (select count(*) from practice_report)", Boolean.class, user.id()));
    }

    /** The practices this user works (every practice for an administrator). */
    public Set<Long> practicesOf(CurrentUser user) {
        return seesEveryPractice(user) ? new HashSet<>(jdbc.queryForList("select id from practice_report", Long.class))
                : assignedPractices(user);
    }

    /** The practices a list is limited to for this user: null when they see every practice. */
    public Set<Long> limitOf(CurrentUser user) {
        return seesEveryPractice(user) ? null : assignedPractices(user);
    }

    private Set<Long> assignedPractices(CurrentUser user) {
        return new HashSet<>(jdbc.queryForList("select practice_id from practice_user_scope where user_id = ?",
                Long.class, user.id()));
    }

    public boolean works(CurrentUser user, Long practiceId) {
        if (seesEveryPractice(user)) {
            return true;
        }
        return practiceId != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from practice_user_scope where user_id = ? and practice_id = ?)",
                Boolean.class, user.id(), practiceId));
    }

    /** Refuses (403, audited) a record of a practice the user does not work. */
    public void require(CurrentUser user, Long practiceId, String recordType, Object recordId) {
        if (!works(user, practiceId)) {
            throw new AccessRefused(recordType, recordId, "This " + recordType + " is not of a practice of yours");
        }
    }

    /**
     * The condition a list adds to its WHERE clause: {@code column} (a practice id, e.g. {@code d.practice_id}) is
     * one of the user's practices.
     */
    public SqlCondition condition(CurrentUser user, String column) {
        if (seesEveryPractice(user)) {
            return SqlCondition.NONE;
        }
        return new SqlCondition(" and " + column + " in (select s.practice_id from practice_user_scope s"
                + " where s.user_id = ?)", List.of(user.id()));
    }
}

package org.overturn;

import org.overturn.practice.DemoPractices;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo practices' ids in the test database, for records entered for a practice. */
public final class TestPractices {

    private TestPractices() {
    }

    /** The first practice (group therapy), the one {@code biller-a} works. */
    public static long first(JdbcTemplate jdbc) {
        return of(jdbc, DemoPractices.GROUP_THERAPY);
    }

    public static long of(JdbcTemplate jdbc, DemoPractices.DemoPractice practice) {
        return jdbc.queryForObject("select id from practice where group_npi = ?", Long.class, practice.npi());
    }
}

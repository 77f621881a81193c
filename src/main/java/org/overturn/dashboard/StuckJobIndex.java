package org.overturn.dashboard;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's job table by due date: every open task has an SLA timer job, so without it the
 * dashboard's stuck-job count and list ({@link EngineHealth}) read all of them to find the few overdue. The
 * engine creates its own tables after Flyway has run, so this cannot be a migration; {@code if not exists}
 * makes it idempotent.
 */
@Component
class StuckJobIndex {

    private final JdbcTemplate jdbc;

    StuckJobIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        jdbc.execute("create index if not exists ix_overturn_job_due_date on act_ru_job (duedate_)");
    }
}

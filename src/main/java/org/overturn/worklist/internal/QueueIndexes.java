package org.overturn.worklist.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's task table for the queue listing's order (priority first), so a page of a queue
 * with 100,000 open tasks is read from the top of the index rather than sorted whole. The engine creates its
 * own tables after Flyway has run, so this cannot be a migration; {@code if not exists} makes it idempotent.
 */
@Component
class QueueIndexes {

    private final JdbcTemplate jdbc;

    QueueIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        jdbc.execute("create index if not exists ix_overturn_task_priority on act_ru_task (priority_ desc, create_time_)");
    }
}

package org.overturn.worklist;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The practice of a task that has no denial, from the record its process works: an authorization-watch finding, a
 * recoupment (its remittance's practice) or a claim status follow-up (its claim's), each read from its owner's
 * declared view. Empty when the process works none of them.
 */
@Component
class TaskPractices {

    private final JdbcTemplate jdbc;

    TaskPractices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> ofProcess(String processInstanceId) {
        return jdbc.queryForList("""
                select practice_id from authorization_prevention_report where process_instance_id = ?
                union all
                select practice_id from recoupment_process_practice where process_instance_id = ?
                union all
                select practice_id from claimstatus_process_practice where process_instance_id = ?
                """, Long.class, processInstanceId, processInstanceId, processInstanceId).stream().findFirst();
    }
}

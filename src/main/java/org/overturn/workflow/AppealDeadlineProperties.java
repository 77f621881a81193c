package org.overturn.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the appeal-deadline process acts before a filing deadline.
 *
 * @param warning    how long before the deadline the denial's tasks are flagged and sorted up (default 14 days)
 * @param escalation how long before the deadline managers see the denial's tasks too (default 3 days)
 */
@ConfigurationProperties("overturn.workflow.appeal-deadline")
public record AppealDeadlineProperties(@DefaultValue("14d") Duration warning, @DefaultValue("3d") Duration escalation) {

    public AppealDeadlineProperties {
        if (escalation.compareTo(warning) > 0) {
            throw new IllegalArgumentException("the escalation (" + escalation + ") comes after the warning ("
                    + warning + "), not before");
        }
    }
}

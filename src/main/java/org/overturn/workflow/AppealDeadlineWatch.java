package org.overturn.workflow;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the appeal-deadline process of a level (bpmn/appeal-deadline.bpmn) beside the denial's lifecycle: when a
 * denial's lifecycle starts, when a level is raised, when a biller takes the denial down another route. A level with
 * nothing to file (no due date) has no deadline to watch.
 */
@Component
public class AppealDeadlineWatch {

    public static final String PROCESS_KEY = "appeal-deadline";

    private final RuntimeService runtime;

    AppealDeadlineWatch(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void watch(long denialId, int level, LocalDate dueOn) {
        if (dueOn == null) {
            return;
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(denialId),
                Map.of("denialId", denialId, "appealLevel", level, "dueOn", dueOn.toString()));
    }
}

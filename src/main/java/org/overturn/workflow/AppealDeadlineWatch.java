package org.overturn.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the appeal-deadline process of a level (bpmn/appeal-deadline.bpmn) beside the denial's lifecycle: when a
 * denial's lifecycle starts, when a level is raised, when a biller takes the denial down another route. A level with
 * nothing to file (no due date) has no deadline to watch. Each watch is one deadline: recorded among the denial's
 * processes as kind {@code DEADLINE_<level>_<due date>} with business key {@code <denial>/<kind>}, so one denial has
 * one process of each kind, and the same deadline is never watched twice.
 */
@Component
public class AppealDeadlineWatch {

    public static final String PROCESS_KEY = "appeal-deadline";

    private final RuntimeService runtime;
    private final ProcessesOfDenials processes;

    AppealDeadlineWatch(RuntimeService runtime, ProcessesOfDenials processes) {
        this.runtime = runtime;
        this.processes = processes;
    }

    public void watch(long denialId, int level, LocalDate dueOn) {
        if (dueOn == null) {
            return;
        }
        String kind = "DEADLINE_" + level + "_" + DateTimeFormatter.BASIC_ISO_DATE.format(dueOn);
        if (processes.has(denialId, kind)) {
            return;
        }
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, denialId + "/" + kind,
                Map.of("denialId", denialId, "appealLevel", level, "dueOn", dueOn.toString())).getId();
        processes.register(denialId, kind, processInstanceId);
    }
}

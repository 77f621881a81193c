package org.overturn.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overturn.denial.DenialView;
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
        String kind = kind(level, dueOn);
        if (processes.has(denialId, kind)) {
            return;
        }
        processes.register(denialId, kind, start(denialId, level, dueOn, kind));
    }

    /**
     * The first level's deadline of a file's new appealable denials: as {@link #watch} for each, with the processes
     * they already have read in one query and the new ones recorded in one batch (two statements a denial before).
     */
    void watchFirstLevels(Collection<DenialView> denials, Map<Long, Set<String>> kinds) {
        List<ProcessesOfDenials.Registration> started = new ArrayList<>();
        for (DenialView denial : denials) {
            if (denial.appealDueDate() == null) {
                continue;
            }
            String kind = kind(1, denial.appealDueDate());
            if (!kinds.getOrDefault(denial.id(), Set.of()).contains(kind)) {
                started.add(new ProcessesOfDenials.Registration(denial.id(), kind,
                        start(denial.id(), 1, denial.appealDueDate(), kind)));
            }
        }
        if (!started.isEmpty()) {
            processes.registerAll(started);
        }
    }

    private String start(long denialId, int level, LocalDate dueOn, String kind) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, denialId + "/" + kind,
                Map.of("denialId", denialId, "appealLevel", level, "dueOn", dueOn.toString())).getId();
    }

    private static String kind(int level, LocalDate dueOn) {
        return "DEADLINE_" + level + "_" + DateTimeFormatter.BASIC_ISO_DATE.format(dueOn);
    }
}

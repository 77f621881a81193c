package org.overturn.workflow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.overturn.denial.DenialView;
import org.overturn.denial.UrgentAppeals;
import org.springframework.stereotype.Component;

/**
 * Starts the urgent-appeal process (bpmn/urgent-appeal.bpmn) beside the lifecycle of a denial of ongoing care: its
 * peer-to-peer review and, where the regime grants one, its expedited appeal. Recorded among the denial's processes
 * as kind {@code URGENT} (business key {@code <denial>/URGENT}), so its tasks are worked in the denial's queue and a
 * denial has at most one.
 */
@Component
public class UrgentAppealWatch {

    public static final String PROCESS_KEY = "urgent-appeal";
    static final String KIND = "URGENT";

    private final RuntimeService runtime;
    private final ProcessesOfDenials processes;
    private final UrgentAppeals urgent;

    UrgentAppealWatch(RuntimeService runtime, ProcessesOfDenials processes, UrgentAppeals urgent) {
        this.runtime = runtime;
        this.processes = processes;
        this.urgent = urgent;
    }

    /** Offers the urgent appeal when the denial is one of ongoing care, and starts its process once. */
    public void watch(DenialView denial) {
        if (urgent.offer(denial).isEmpty() || processes.has(denial.id(), KIND)) {
            return;
        }
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, denial.id() + "/" + KIND,
                Map.of("denialId", denial.id(), "queue", denial.queue(), "priority", denial.priority())).getId();
        processes.register(denial.id(), KIND, processInstanceId);
    }
}

package org.overturn.workflow;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
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
    /**
     * As {@link #watch} for a file's new denials: the offers are made in {@link UrgentAppeals#offerAll} (a query for
     * the set, not several per denial), and a process starts for each denial offered one that has none of this kind.
     */
    void watchAll(Collection<DenialView> denials, Map<Long, Set<String>> kinds) {
        Map<Long, UrgentAppeals.UrgentAppeal> offered = urgent.offerAll(denials);
        for (DenialView denial : denials) {
            if (offered.containsKey(denial.id()) && !kinds.getOrDefault(denial.id(), Set.of()).contains(KIND)) {
                start(denial);
            }
        }
    }

    public void watch(DenialView denial) {
        if (urgent.offer(denial).isEmpty() || processes.has(denial.id(), KIND)) {
            return;
        }
        start(denial);
    }

    private void start(DenialView denial) {
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, denial.id() + "/" + KIND,
                Map.of("denialId", denial.id(), "queue", denial.queue(), "priority", denial.priority())).getId();
        processes.register(denial.id(), KIND, processInstanceId);
    }
}

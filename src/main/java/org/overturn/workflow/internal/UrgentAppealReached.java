package org.overturn.workflow.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.UrgentAppeals;
import org.overturn.denial.WorkQueue;
import org.springframework.stereotype.Component;

/**
 * The urgent-appeal process reached a point (input parameter {@code urgentEvent}) and records it on the denial's
 * urgent appeal: the peer-to-peer outcome or its window closed, the expedited appeal filed (its clock starts), its
 * decision, or its clock run out with no decision, which also puts the open decision task in the managers' queue.
 */
@Component("urgentAppealReached")
class UrgentAppealReached implements JavaDelegate {

    private final UrgentAppeals urgent;
    private final TaskService tasks;
    private final QueueTaskIndex queueTasks;

    UrgentAppealReached(UrgentAppeals urgent, TaskService tasks, QueueTaskIndex queueTasks) {
        this.urgent = urgent;
        this.tasks = tasks;
        this.queueTasks = queueTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, "denialId");
        switch (ProcessVariables.stringOf(execution, "urgentEvent")) {
            case "PEER_TO_PEER" -> urgent.recordPeerToPeer(denialId, UrgentAppeals.PeerToPeer.valueOf(
                    ProcessVariables.stringOf(execution, "peerToPeerOutcome")));
            case "WINDOW_CLOSED" -> urgent.recordPeerToPeer(denialId, UrgentAppeals.PeerToPeer.WINDOW_CLOSED);
            case "FILED" -> urgent.fileExpedited(denialId);
            case "DECIDED" -> urgent.recordDecision(denialId, UrgentAppeals.Decision.valueOf(
                    ProcessVariables.stringOf(execution, "expeditedDecision")));
            case "OVERDUE" -> {
                if (urgent.recordOverdue(denialId)) {
                    for (var task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                            .taskDefinitionKey("Task_RecordExpeditedDecision").list()) {
                        tasks.addCandidateGroup(task.getId(), WorkQueue.MANAGERS);
                        queueTasks.readBeforeCommit(task.getId());
                    }
                }
            }
            default -> throw new IllegalArgumentException("no urgent appeal event "
                    + ProcessVariables.stringOf(execution, "urgentEvent"));
        }
    }
}

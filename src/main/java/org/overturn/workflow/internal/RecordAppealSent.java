package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/**
 * Records the appeal of the current level as sent and the denial as waiting for the decision: after the
 * email went out, or after a biller sent it by post, fax or portal.
 */
@Component("recordAppealSent")
class RecordAppealSent implements JavaDelegate {

    private final Appeals appeals;
    private final Denials denials;

    RecordAppealSent(Appeals appeals, Denials denials) {
        this.appeals = appeals;
        this.denials = denials;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        int level = ProcessVariables.intOf(execution, APPEAL_LEVEL, 1);
        String argument = ProcessVariables.stringOf(execution, APPEAL_ARGUMENT);
        String sentBy = ProcessVariables.stringOf(execution, SENT_BY);
        if (sentBy != null) {
            argument = (argument == null ? "" : argument + "\n\n") + "Sent by " + sentBy + ": "
                    + ProcessVariables.stringOf(execution, SENT_REFERENCE);
        }
        appeals.recordSent(denialId, level, argument, ProcessVariables.stringOf(execution, PREPARED_BY),
                ProcessVariables.stringOf(execution, APPROVED_BY));
        denials.enterAppealLevel(denialId, level);
        denials.moveTo(denialId, DenialStatus.APPEALED);
        execution.setVariable(APPEAL_SENT, true);
        // only a decision on this level starts the next level's clock
        execution.setVariable(APPEAL_DECIDED_ON, null);
    }
}

package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/** Records the appeal of the current level as sent and the denial as waiting for the decision. */
@Component("sendAppeal")
class SendAppeal implements JavaDelegate {

    private final Appeals appeals;
    private final Denials denials;

    SendAppeal(Appeals appeals, Denials denials) {
        this.appeals = appeals;
        this.denials = denials;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        int level = ProcessVariables.intOf(execution, APPEAL_LEVEL, 1);
        appeals.recordSent(denialId, level, ProcessVariables.stringOf(execution, APPEAL_ARGUMENT),
                ProcessVariables.stringOf(execution, PREPARED_BY), ProcessVariables.stringOf(execution, APPROVED_BY));
        denials.enterAppealLevel(denialId, level);
        denials.moveTo(denialId, DenialStatus.APPEALED);
        execution.setVariable(APPEAL_SENT, true);
    }
}

package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/** After an upheld appeal: the next level starts with a fresh appeal to prepare. */
@Component("raiseAppealLevel")
class RaiseAppealLevel implements JavaDelegate {

    private final Denials denials;

    RaiseAppealLevel(Denials denials) {
        this.denials = denials;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        execution.setVariable(APPEAL_LEVEL, ProcessVariables.intOf(execution, APPEAL_LEVEL, 1) + 1);
        execution.setVariable(APPEAL_SENT, false);
        denials.moveTo(denialId, DenialStatus.OPEN);
    }
}

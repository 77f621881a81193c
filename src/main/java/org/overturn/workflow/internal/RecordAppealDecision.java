package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Appeals;
import org.springframework.stereotype.Component;

/** Records the payer's decision on the appeal of the current level (input parameter {@code appealOutcome}). */
@Component("recordAppealDecision")
class RecordAppealDecision implements JavaDelegate {

    private final Appeals appeals;

    RecordAppealDecision(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.recordDecision(ProcessVariables.longOf(execution, DENIAL_ID),
                ProcessVariables.intOf(execution, APPEAL_LEVEL, 1),
                Appeals.Outcome.valueOf(ProcessVariables.stringOf(execution, "appealOutcome")));
    }
}

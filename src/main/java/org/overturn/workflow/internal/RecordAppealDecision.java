package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Appeals;
import org.overturn.parity.ParityCases;
import org.springframework.stereotype.Component;

/**
 * Records the payer's decision on the appeal of the current level (input parameter {@code appealOutcome}); an
 * upheld appeal also reaches the denial's parity escalation.
 */
@Component("recordAppealDecision")
class RecordAppealDecision implements JavaDelegate {

    private final Appeals appeals;
    private final ParityCases parityCases;

    RecordAppealDecision(Appeals appeals, ParityCases parityCases) {
        this.appeals = appeals;
        this.parityCases = parityCases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        Appeals.Outcome outcome = Appeals.Outcome.valueOf(ProcessVariables.stringOf(execution, "appealOutcome"));
        appeals.recordDecision(denialId, ProcessVariables.intOf(execution, APPEAL_LEVEL, 1), outcome);
        if (outcome == Appeals.Outcome.UPHELD) {
            // an upheld appeal is what a parity complaint waits for, if the denial has an escalation running
            parityCases.appealUpheld(denialId);
        }
    }
}

package org.overturn.parity.internal;

import static org.overturn.parity.ParityEscalation.Variables.REQUEST_VERSION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.parity.ParityLetters;
import org.overturn.parity.ParityPolicy;
import org.springframework.stereotype.Component;

/** Renders the request for the plan's comparative analysis, answer due at the end of the response window. */
@Component("renderAnalysisRequest")
class RenderAnalysisRequest implements JavaDelegate {

    private final ParityLetters letters;
    private final ParityPolicy policy;

    RenderAnalysisRequest(ParityLetters letters, ParityPolicy policy) {
        this.letters = letters;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ParityVariables variables = ParityVariables.of(execution);
        var version = letters.renderRequest(variables.denialId(), policy.responseDue(), variables.lastCompletedBy());
        execution.setVariable(REQUEST_VERSION_ID, version.id());
    }
}

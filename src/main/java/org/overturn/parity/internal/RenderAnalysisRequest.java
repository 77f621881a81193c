package org.overturn.parity.internal;

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
        long denialId = ((Number) execution.getVariable("denialId")).longValue();
        var version = letters.renderRequest(denialId, policy.responseDue(), (String) execution.getVariable("lastCompletedBy"));
        execution.setVariable("parityRequestVersionId", version.id());
    }
}

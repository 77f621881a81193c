package org.overturn.parity.internal;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.letters.Part2GatedSending;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation.Errors;
import org.overturn.parity.ParityPolicy;
import org.springframework.stereotype.Component;

/**
 * Emails the rendered request to the plan's appeals address, once per version, and starts the response
 * window. A Part 2 record goes only under a valid consent; no address or no consent leave by BPMN errors.
 */
@Component("sendAnalysisRequest")
class SendAnalysisRequest implements JavaDelegate {

    private final Part2GatedSending sending;
    private final ParityCases cases;
    private final ParityPolicy policy;

    SendAnalysisRequest(Part2GatedSending sending, ParityCases cases, ParityPolicy policy) {
        this.sending = sending;
        this.cases = cases;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ParityVariables variables = ParityVariables.of(execution);
        long denialId = variables.denialId();
        long versionId = variables.requestVersionId();
        var outcome = sending.send(versionId, variables.lastCompletedBy(), null);
        if (outcome instanceof Part2GatedSending.ConsentMissing) {
            throw new BpmnError(Errors.CONSENT_MISSING, "No valid Part 2 consent for this plan");
        }
        if (outcome instanceof Part2GatedSending.NoAppealAddress missing) {
            throw new BpmnError(Errors.NO_APPEAL_ADDRESS, missing.reason());
        }
        cases.requestSent(denialId, policy.responseDue());
    }
}

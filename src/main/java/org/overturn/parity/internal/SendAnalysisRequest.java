package org.overturn.parity.internal;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Denials;
import org.overturn.letters.AppealMailer;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation.Errors;
import org.overturn.parity.ParityPolicy;
import org.overturn.part2.Consent;
import org.overturn.part2.PatientConsents;
import org.springframework.stereotype.Component;

/**
 * Emails the rendered request to the plan's appeals address, once per version, and starts the response
 * window. A Part 2 record goes only under a valid consent; no address or no consent leave by BPMN errors.
 */
@Component("sendAnalysisRequest")
class SendAnalysisRequest implements JavaDelegate {

    private final AppealMailer mailer;
    private final ParityCases cases;
    private final ParityPolicy policy;
    private final Denials denials;
    private final PatientConsents consents;

    SendAnalysisRequest(AppealMailer mailer, ParityCases cases, ParityPolicy policy, Denials denials,
                        PatientConsents consents) {
        this.mailer = mailer;
        this.cases = cases;
        this.policy = policy;
        this.denials = denials;
        this.consents = consents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ParityVariables variables = ParityVariables.of(execution);
        long denialId = variables.denialId();
        long versionId = variables.requestVersionId();
        Long consentId = null;
        if (denials.find(denialId).orElseThrow().part2()) {
            consentId = consents.validForDenial(denialId).map(Consent::id).orElseThrow(
                    () -> new BpmnError(Errors.CONSENT_MISSING, "No valid Part 2 consent for this plan"));
        }
        try {
            mailer.send(versionId, variables.lastCompletedBy(), null, consentId);
        } catch (AppealMailer.NoAppealAddress e) {
            throw new BpmnError(Errors.NO_APPEAL_ADDRESS, e.getMessage());
        }
        cases.requestSent(denialId, policy.responseDue());
    }
}

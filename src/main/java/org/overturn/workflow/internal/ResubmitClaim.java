package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.correction.CorrectedClaims;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/** Marks the corrected claim submitted and the denial waiting for the payer's answer. */
@Component("resubmitClaim")
class ResubmitClaim implements JavaDelegate {

    private final CorrectedClaims correctedClaims;
    private final Denials denials;

    ResubmitClaim(CorrectedClaims correctedClaims, Denials denials) {
        this.correctedClaims = correctedClaims;
        this.denials = denials;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        correctedClaims.markSubmitted(denialId);
        denials.moveTo(denialId, DenialStatus.CORRECTION_SUBMITTED);
    }
}

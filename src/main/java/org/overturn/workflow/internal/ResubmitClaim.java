package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.correction.CorrectedClaims;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.workflow.DenialLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks the corrected claim submitted and the denial waiting for the payer's answer, with the payer-facing
 * cover letter rendered for the billers who send corrected claims on paper or through a portal.
 */
@Component("resubmitClaim")
class ResubmitClaim implements JavaDelegate {

    private final CorrectedClaims correctedClaims;
    private final Denials denials;
    private final Letters letters;

    ResubmitClaim(CorrectedClaims correctedClaims, Denials denials, Letters letters) {
        this.correctedClaims = correctedClaims;
        this.denials = denials;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        correctedClaims.markSubmitted(denialId);
        denials.moveTo(denialId, DenialStatus.CORRECTION_SUBMITTED);
        letters.render(denialId, LetterKind.CORRECTED_CLAIM_COVER, 0, null,
                ProcessVariables.stringOf(execution, DenialLifecycle.Variables.LAST_COMPLETED_BY));
    }
}

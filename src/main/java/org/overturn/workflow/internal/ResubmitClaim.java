package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.correction.CorrectedClaims;
import org.overturn.correction.ReplacementClaims;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.workflow.DenialLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks the corrected claim submitted and the denial waiting for the payer's answer: its replacement 837, when one was
 * made, is released to the clearinghouse outbox, and the payer-facing cover letter is rendered for the billers who
 * send corrected claims on paper or through a portal.
 */
@Component("resubmitClaim")
class ResubmitClaim implements JavaDelegate {

    private final CorrectedClaims correctedClaims;
    private final Denials denials;
    private final Letters letters;

    private final ReplacementClaims replacements;

    ResubmitClaim(CorrectedClaims correctedClaims, Denials denials, Letters letters, ReplacementClaims replacements) {
        this.replacements = replacements;
        this.correctedClaims = correctedClaims;
        this.denials = denials;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        correctedClaims.markSubmitted(denialId);
        replacements.release(denialId, ProcessVariables.stringOf(execution, DenialLifecycle.Variables.LAST_COMPLETED_BY));
        denials.moveTo(denialId, DenialStatus.CORRECTION_SUBMITTED);
        letters.render(denialId, LetterKind.CORRECTED_CLAIM_COVER, 0, null,
                ProcessVariables.stringOf(execution, DenialLifecycle.Variables.LAST_COMPLETED_BY));
    }
}

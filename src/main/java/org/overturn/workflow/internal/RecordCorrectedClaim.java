package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.correction.CorrectedClaims;
import org.springframework.stereotype.Component;

/** Keeps the corrected claim's record: what changed, why, and who changed it. */
@Component("recordCorrectedClaim")
class RecordCorrectedClaim implements JavaDelegate {

    private final CorrectedClaims correctedClaims;

    RecordCorrectedClaim(CorrectedClaims correctedClaims) {
        this.correctedClaims = correctedClaims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        correctedClaims.record(ProcessVariables.longOf(execution, DENIAL_ID),
                ProcessVariables.stringOf(execution, WHAT_CHANGED),
                ProcessVariables.stringOf(execution, CORRECTION_REASON),
                ProcessVariables.stringOf(execution, LAST_COMPLETED_BY));
    }
}

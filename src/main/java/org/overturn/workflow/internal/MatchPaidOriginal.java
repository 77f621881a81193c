package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.DENIAL_ID;
import static org.overturn.workflow.DenialLifecycle.Variables.PAID_ORIGINAL_CLAIM_PAYMENT_ID;
import static org.overturn.workflow.DenialLifecycle.Variables.PAID_ORIGINAL_FOUND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/**
 * An exact duplicate (OA-18): finds the paid original of the claim on file, so the process closes the duplicate
 * without a write-off, or has it worked when there is none.
 */
@Component("matchPaidOriginal")
class MatchPaidOriginal implements JavaDelegate {

    private final Denials denials;

    MatchPaidOriginal(Denials denials) {
        this.denials = denials;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var original = denials.paidOriginalOf(ProcessVariables.longOf(execution, DENIAL_ID));
        execution.setVariable(PAID_ORIGINAL_FOUND, original.isPresent());
        original.ifPresent(id -> execution.setVariable(PAID_ORIGINAL_CLAIM_PAYMENT_ID, id));
    }
}

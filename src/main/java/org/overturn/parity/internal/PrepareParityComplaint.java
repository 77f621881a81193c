package org.overturn.parity.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.parity.ParityLetters;
import org.springframework.stereotype.Component;

/** Renders the complaint to the plan's regulator, with the specialist's reasons as its argument. */
@Component("prepareParityComplaint")
class PrepareParityComplaint implements JavaDelegate {

    private final ParityLetters letters;

    PrepareParityComplaint(ParityLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ((Number) execution.getVariable("denialId")).longValue();
        String argument = (String) execution.getVariable("parityReason");
        Object assessment = execution.getVariable("assessmentNote");
        if (assessment != null) {
            argument = (argument == null ? "" : argument + "\n\n") + "The plan's analysis: " + assessment;
        }
        var version = letters.renderComplaint(denialId, argument, (String) execution.getVariable("lastCompletedBy"));
        execution.setVariable("parityComplaintVersionId", version.id());
    }
}

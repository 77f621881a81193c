package org.overturn.parity.internal;

import static org.overturn.parity.ParityEscalation.Variables.COMPLAINT_VERSION_ID;

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
        ParityVariables variables = ParityVariables.of(execution);
        long denialId = variables.denialId();
        String argument = variables.parityReason();
        String assessment = variables.assessmentNote();
        if (assessment != null) {
            argument = (argument == null ? "" : argument + "\n\n") + "The plan's analysis: " + assessment;
        }
        var version = letters.renderComplaint(denialId, argument, variables.lastCompletedBy());
        execution.setVariable(COMPLAINT_VERSION_ID, version.id());
    }
}

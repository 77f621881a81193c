package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityScreen;
import org.springframework.stereotype.Component;

/**
 * Opens the denial's parity case, whose own escalation process runs beside this one: the appeal goes on
 * while the parity specialist reviews the concern.
 */
@Component("openParityCase")
class OpenParityCase implements JavaDelegate {

    private final ParityScreen screen;
    private final ParityCases cases;

    OpenParityCase(ParityScreen screen, ParityCases cases) {
        this.screen = screen;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        cases.open(screen.screen(denialId));
        execution.setVariable(PARITY_CASE_OPEN, true);
    }
}

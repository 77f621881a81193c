package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityScreen;
import org.overturn.workflow.ProcessesOfDenials;
import org.springframework.stereotype.Component;

/**
 * Opens the denial's parity case, whose own escalation process runs beside this one: the appeal goes on
 * while the parity specialist reviews the concern.
 */
@Component("openParityCase")
class OpenParityCase implements JavaDelegate {

    static final String PARITY_PROCESS = "PARITY";

    private final ParityScreen screen;
    private final ParityCases cases;
    private final ProcessesOfDenials processes;

    OpenParityCase(ParityScreen screen, ParityCases cases, ProcessesOfDenials processes) {
        this.screen = screen;
        this.cases = cases;
        this.processes = processes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        cases.open(screen.screen(denialId))
                .ifPresent(escalation -> processes.register(denialId, PARITY_PROCESS, escalation));
        // transient, as the screen set it (the engine refuses to turn a transient variable into a stored one)
        execution.setVariable(PARITY_CASE_OPEN, Variables.booleanValue(true, true));
    }
}

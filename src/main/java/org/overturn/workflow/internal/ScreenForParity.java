package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityScreen;
import org.springframework.stereotype.Component;

/**
 * Screens the appealable denial for a possible parity violation (once) and, for a concern, says whether it has a
 * case yet.
 */
@Component("screenForParity")
class ScreenForParity implements JavaDelegate {

    private final ParityScreen screen;
    private final ParityCases cases;

    ScreenForParity(ParityScreen screen, ParityCases cases) {
        this.screen = screen;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        var result = screen.screen(denialId);
        // asked by the gateway right after, in this transaction: transient, as the screen is kept on the denial
        execution.setVariable(PARITY_RISK, Variables.stringValue(result.risk().name(), true));
        // whether a case is open matters only for a concern (the gateway asks it second), so a denial with none
        // is spared the read
        if (result.concern()) {
            execution.setVariable(PARITY_CASE_OPEN, Variables.booleanValue(cases.caseOf(denialId).isPresent(), true));
        }
    }
}

package org.overturn.workflow.kit;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.part2.PatientConsents;
import org.overturn.workflow.internal.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Records the consent the biller entered on <em>Obtain consent</em> for the denial's patient and payer; with
 * "already on file" there is nothing to record and the gate looks again.
 */
@Component("recordConsent")
public class RecordConsent implements JavaDelegate {

    static final String RECORDED = "RECORDED";

    private final PatientConsents consents;

    RecordConsent(PatientConsents consents) {
        this.consents = consents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!RECORDED.equals(ProcessVariables.stringOf(execution, CONSENT_OUTCOME))) {
            return;
        }
        String expires = ProcessVariables.stringOf(execution, CONSENT_EXPIRES_ON);
        consents.recordForDenial(ProcessVariables.longOf(execution, DENIAL_ID),
                ProcessVariables.stringOf(execution, CONSENT_PURPOSE),
                LocalDate.parse(ProcessVariables.stringOf(execution, CONSENT_SIGNED_ON)),
                expires == null || expires.isBlank() ? null : LocalDate.parse(expires),
                ProcessVariables.stringOf(execution, LAST_COMPLETED_BY));
    }
}

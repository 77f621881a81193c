package org.overturn.workflow.kit;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.letters.Part2GatedSending;
import org.overturn.part2.ConsentTerms;
import org.overturn.part2.PatientConsents;
import org.overturn.part2.Recipient;
import org.overturn.workflow.internal.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Records the consent the biller entered on <em>Obtain consent</em> for the denial's patient and the recipient the
 * gate found uncovered (the payer, or the reviewer or regulator the pending letter is addressed to); with
 * "already on file" there is nothing to record and the gate looks again.
 */
@Component("recordConsent")
public class RecordConsent implements JavaDelegate {

    static final String RECORDED = "RECORDED";

    private final PatientConsents consents;
    private final Part2GatedSending gate;

    RecordConsent(PatientConsents consents, Part2GatedSending gate) {
        this.consents = consents;
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            record(execution);
        } finally {
            // the form keeps its dates as text; left behind, they stop the next Obtain consent's form (for the next
            // recipient the gate finds uncovered, or after a revocation) from opening: the engine reads a date
            // field's current value as a date. The consent is in the consent register now.
            execution.removeVariables(List.of(CONSENT_SIGNED_ON, CONSENT_EXPIRES_ON, CONSENT_PATIENT_BIRTH_DATE));
        }
    }

    private void record(DelegateExecution execution) {
        if (!RECORDED.equals(ProcessVariables.stringOf(execution, CONSENT_OUTCOME))) {
            return;
        }
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        // the recipient the gate found uncovered (the payer first, then the reviewer or regulator the pending letter
        // is addressed to); the patient is the claim's (PatientConsents.recordForDenial)
        Recipient recipient = gate.uncovered(denialId).orElse(null);
        var terms = new ConsentTerms(null, null, date(execution, CONSENT_PATIENT_BIRTH_DATE), null,
                ProcessVariables.stringOf(execution, CONSENT_DISCLOSER),
                ProcessVariables.stringOf(execution, CONSENT_INFORMATION), recipient, false,
                ProcessVariables.stringOf(execution, CONSENT_PURPOSE), date(execution, CONSENT_EXPIRES_ON),
                ProcessVariables.stringOf(execution, CONSENT_EXPIRY_EVENT),
                ProcessVariables.stringOf(execution, CONSENT_SIGNED_BY), date(execution, CONSENT_SIGNED_ON));
        consents.recordForDenial(denialId, terms,
                ProcessVariables.stringOf(execution, LAST_COMPLETED_BY));
    }

    private static LocalDate date(DelegateExecution execution, String name) {
        String value = ProcessVariables.stringOf(execution, name);
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}

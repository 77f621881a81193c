package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.letters.Part2GatedSending;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.workflow.DenialLifecycle;
import org.springframework.stereotype.Component;

/**
 * Emails the rendered appeal letter to the payer, then records the appeal as sent. Runs in its own job: a
 * mail server that is down fails the job, which the engine retries and finally turns into an incident. A
 * payer without an appeals email, or a Part 2 consent withdrawn since the gate, leaves by a BPMN error.
 */
@Component("sendAppeal")
class SendAppeal implements JavaDelegate {

    private final Letters letters;
    private final Part2GatedSending sending;
    private final RecordAppealSent recordAppealSent;

    SendAppeal(Letters letters, Part2GatedSending sending, RecordAppealSent recordAppealSent) {
        this.letters = letters;
        this.sending = sending;
        this.recordAppealSent = recordAppealSent;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        int level = ProcessVariables.intOf(execution, APPEAL_LEVEL, 1);
        Letters.LetterVersion letter = letters.latest(denialId, LetterKind.APPEAL, level)
                .orElseThrow(() -> new IllegalStateException("No rendered appeal letter for denial " + denialId
                        + " level " + level));
        var outcome = sending.send(letter.id(), ProcessVariables.stringOf(execution, PREPARED_BY),
                ProcessVariables.stringOf(execution, APPROVED_BY));
        if (outcome instanceof Part2GatedSending.ConsentMissing) {
            throw new BpmnError(DenialLifecycle.Errors.CONSENT_MISSING, "No valid Part 2 consent for this payer");
        }
        if (outcome instanceof Part2GatedSending.NoAppealAddress missing) {
            throw new BpmnError(DenialLifecycle.Errors.NO_APPEAL_ADDRESS, missing.reason());
        }
        execution.setVariable(APPEAL_LETTER_VERSION_ID, letter.id());
        recordAppealSent.execute(execution);
    }
}

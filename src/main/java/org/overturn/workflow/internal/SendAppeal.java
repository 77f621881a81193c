package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.letters.AppealMailer;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.workflow.DenialLifecycle;
import org.overturn.workflow.kit.Part2Disclosure;
import org.springframework.stereotype.Component;

/**
 * Emails the rendered appeal letter to the payer, then records the appeal as sent. Runs in its own job: a
 * mail server that is down fails the job, which the engine retries and finally turns into an incident. A
 * payer without an appeals email, or a Part 2 consent withdrawn since the gate, leaves by a BPMN error.
 */
@Component("sendAppeal")
class SendAppeal implements JavaDelegate {

    private final Letters letters;
    private final AppealMailer mailer;
    private final Part2Disclosure disclosure;
    private final RecordAppealSent recordAppealSent;

    SendAppeal(Letters letters, AppealMailer mailer, Part2Disclosure disclosure, RecordAppealSent recordAppealSent) {
        this.letters = letters;
        this.mailer = mailer;
        this.disclosure = disclosure;
        this.recordAppealSent = recordAppealSent;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        int level = ProcessVariables.intOf(execution, APPEAL_LEVEL, 1);
        Letters.LetterVersion letter = letters.latest(denialId, LetterKind.APPEAL, level)
                .orElseThrow(() -> new IllegalStateException("No rendered appeal letter for denial " + denialId
                        + " level " + level));
        Part2Disclosure.Permission permission = disclosure.check(denialId);
        if (!permission.allowed()) {
            throw new BpmnError(DenialLifecycle.Errors.CONSENT_MISSING, "No valid Part 2 consent for this payer");
        }
        try {
            mailer.send(letter.id(), ProcessVariables.stringOf(execution, PREPARED_BY),
                    ProcessVariables.stringOf(execution, APPROVED_BY), permission.consentId());
        } catch (AppealMailer.NoAppealAddress e) {
            throw new BpmnError(DenialLifecycle.Errors.NO_APPEAL_ADDRESS, e.getMessage());
        }
        execution.setVariable(APPEAL_LETTER_VERSION_ID, letter.id());
        recordAppealSent.execute(execution);
    }
}

package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.letters.LetterKind;
import org.overturn.letters.Letters;
import org.overturn.letters.MedicalNecessity;
import org.springframework.stereotype.Component;

/**
 * Renders the appeal of the current level with the biller's argument, the clinical case of a medical-necessity
 * appeal, and the parity paragraph once a parity specialist confirmed the concern, and stores it as a letter version.
 */
@Component("renderAppealLetter")
class RenderAppealLetter implements JavaDelegate {

    private final Letters letters;

    RenderAppealLetter(Letters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        int level = ProcessVariables.intOf(execution, APPEAL_LEVEL, 1);
        Letters.LetterVersion version = letters.render(denialId, LetterKind.APPEAL, level,
                ProcessVariables.stringOf(execution, APPEAL_ARGUMENT), MedicalNecessity.of(execution::getVariable),
                ProcessVariables.stringOf(execution, PREPARED_BY), null);
        execution.setVariable(APPEAL_LETTER_VERSION_ID, version.id());
    }
}

package org.overturn.parity.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation.Status;
import org.overturn.parity.ParityLetters;
import org.overturn.parity.ParityPolicy;
import org.springframework.stereotype.Component;

/**
 * Moves the denial's parity case to the status the model names in the input parameter {@code caseStatus},
 * with what the task before it recorded (decision and reason, filing, outcome).
 */
@Component("updateParityCase")
class UpdateParityCase implements JavaDelegate {

    private final ParityCases cases;
    private final ParityLetters letters;
    private final ParityPolicy policy;

    UpdateParityCase(ParityCases cases, ParityLetters letters, ParityPolicy policy) {
        this.cases = cases;
        this.letters = letters;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ParityVariables variables = ParityVariables.of(execution);
        long denialId = variables.denialId();
        String user = variables.lastCompletedBy();
        Status status = variables.caseStatus();
        switch (status) {
            case CONFIRMED, DISMISSED -> cases.decide(denialId, status, user, variables.parityReason());
            case NOT_PURSUED -> cases.decide(denialId, status, user,
                    "The patient refused consent to disclose the Part 2 record to the plan");
            case REQUEST_SENT -> cases.requestSent(denialId, policy.responseDue());
            case RESOLVED -> cases.resolved(denialId);
            case COMPLAINT_FILED -> cases.complaintFiled(denialId, letters.regulatorOf(denialId),
                    variables.complaintFiledOn(), variables.complaintReference());
            case CLOSED -> cases.complaintDecided(denialId, variables.complaintOutcome());
            case IN_REVIEW -> throw new IllegalArgumentException("a case starts in review; the model cannot set it");
        }
    }
}

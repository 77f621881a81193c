package org.overturn.parity.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.letters.Part2GatedSending;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation.Status;
import org.overturn.parity.ParityLetters;
import org.overturn.parity.ParityPolicy;
import org.overturn.part2.Recipient;
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
    private final Part2GatedSending sending;

    UpdateParityCase(ParityCases cases, ParityLetters letters, ParityPolicy policy, Part2GatedSending sending) {
        this.sending = sending;
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
            case COMPLAINT_FILED -> {
                String regulator = letters.regulatorOf(denialId);
                cases.complaintFiled(denialId, regulator, variables.complaintFiledOn(), variables.complaintReference());
                // a Part 2 record filed with the regulator enters the accounting of disclosures (42 CFR 2.25)
                sending.accountDeliveredByHand(denialId, new Recipient(Recipient.Kind.REGULATOR, null, regulator),
                        "parity complaint with its evidence", user);
            }
            case CLOSED -> cases.complaintDecided(denialId, variables.complaintOutcome());
            case IN_REVIEW -> throw new IllegalArgumentException("a case starts in review; the model cannot set it");
        }
    }
}

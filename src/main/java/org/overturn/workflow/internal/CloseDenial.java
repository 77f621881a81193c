package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/**
 * Closes the denial in the state the end event names (input parameter {@code closingStatus}). A recovery
 * records what the payer paid when an 835 said so, else the amount that was at risk (a biller's "paid"),
 * and an appeal that was out counts as overturned. An optional input {@code closingReason} records why (which
 * payment made a denial "nothing lost").
 */
@Component("closeDenial")
class CloseDenial implements JavaDelegate {

    private final Denials denials;
    private final Appeals appeals;
    private final LifecycleDenial denial;

    CloseDenial(Denials denials, Appeals appeals, LifecycleDenial denial) {
        this.denials = denials;
        this.appeals = appeals;
        this.denial = denial;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        DenialStatus status = DenialStatus.valueOf(ProcessVariables.stringOf(execution, "closingStatus"));
        BigDecimal recovered = null;
        if (status == DenialStatus.RECOVERED) {
            recovered = recoveredAmount(execution);
            if (ProcessVariables.isTrue(execution, APPEAL_SENT)) {
                appeals.recordDecision(denialId, ProcessVariables.intOf(execution, APPEAL_LEVEL, 1),
                        Appeals.Outcome.OVERTURNED);
            }
        }
        denials.close(denialId, status, recovered, ProcessVariables.stringOf(execution, "closingReason"));
    }

    /** What the 835 paid, else the denial's amount at risk. */
    private BigDecimal recoveredAmount(DelegateExecution execution) {
        boolean paidPer835 = "PAID".equals(ProcessVariables.stringOf(execution, PAYER_ANSWER))
                && execution.getVariable(ANSWER_PAID) != null;
        return paidPer835 ? ProcessVariables.moneyOf(execution, ANSWER_PAID) : denial.amountAtRisk(execution);
    }
}

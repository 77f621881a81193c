package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.denial.Appeals;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.DenialView;
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

    CloseDenial(Denials denials, Appeals appeals) {
        this.denials = denials;
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        DenialStatus status = DenialStatus.valueOf(ProcessVariables.stringOf(execution, "closingStatus"));
        BigDecimal recovered = null;
        if (status == DenialStatus.RECOVERED) {
            recovered = recoveredAmount(execution, denialId);
            if (ProcessVariables.isTrue(execution, APPEAL_SENT)) {
                appeals.recordDecision(denialId, ProcessVariables.intOf(execution, APPEAL_LEVEL, 1),
                        Appeals.Outcome.OVERTURNED);
            }
        }
        denials.close(denialId, status, recovered, ProcessVariables.stringOf(execution, "closingReason"));
    }

    /**
     * What the 835 paid, else the denial's amount at risk: a process variable in lifecycles started before
     * 2026-12-06, read from the denial since (it never changes after the denial is registered).
     */
    private BigDecimal recoveredAmount(DelegateExecution execution, long denialId) {
        boolean paidPer835 = "PAID".equals(ProcessVariables.stringOf(execution, PAYER_ANSWER))
                && execution.getVariable(ANSWER_PAID) != null;
        if (paidPer835) {
            return ProcessVariables.moneyOf(execution, ANSWER_PAID);
        }
        if (execution.getVariable(AMOUNT_AT_RISK) != null) {
            return ProcessVariables.moneyOf(execution, AMOUNT_AT_RISK);
        }
        return denials.find(denialId).map(DenialView::amountAtRisk).orElse(null);
    }
}

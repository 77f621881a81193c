package org.overturn.workflow.kit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.overturn.workflow.WorkflowProperties;
import org.overturn.workflow.internal.LifecycleDenial;
import org.springframework.stereotype.Component;

/**
 * The configurable rules the denial lifecycle model asks for by name ({@code ${lifecyclePolicy...}}): SLAs,
 * follow-up waits, the approval threshold and the number of appeal levels. Time comes from the engine's
 * clock so that process tests can move it.
 */
@Component("lifecyclePolicy")
public class LifecyclePolicy {

    private final WorkflowProperties properties;
    private final LifecycleDenial denial;

    LifecyclePolicy(WorkflowProperties properties, LifecycleDenial denial) {
        this.properties = properties;
        this.denial = denial;
    }

    /** The SLA of a queue as an ISO-8601 duration, for timer definitions. */
    public String sla(String queue) {
        return slaOf(queue).toString();
    }

    /** When a task entering this queue now is due. */
    public Date dueDate(String queue) {
        return new Date(ClockUtil.getCurrentTime().getTime() + slaOf(queue).toMillis());
    }

    public String correctionFollowUp() {
        return properties.correctionFollowUp().toString();
    }

    /**
     * How long a claim the payer has not decided (pending investigation, forwarded, grace period) waits before its
     * status is checked: as long as a corrected claim waits for its answer, the payer's usual turnaround.
     */
    public String claimStatusCheck() {
        return properties.correctionFollowUp().toString();
    }

    public String appealFollowUp() {
        return properties.appealFollowUp().toString();
    }

    /** The retry cycle of the job that emails a letter, e.g. R5/PT5M. */
    public String mailRetryCycle() {
        return properties.mailRetryCycle();
    }

    /**
     * Whether a manager approves the appeal before it goes out: its denial's amount at risk reaches the threshold.
     * The model asks with the lifecycle's execution, and the amount is the denial's; lifecycles started before
     * 2026-12-06 follow a model that passes their own copy of it ({@code amountAtRisk}: exact decimal text, or a
     * double in older ones), and hold it as a variable too. One method with an Object parameter: the expression
     * language picks a method by name and number of arguments only.
     */
    public boolean needsApproval(Object lifecycleOrAmount) {
        Object amount = lifecycleOrAmount instanceof DelegateExecution lifecycle ? denial.amountAtRisk(lifecycle)
                : lifecycleOrAmount;
        return amount != null
                && new BigDecimal(amount.toString()).compareTo(properties.appealApprovalThreshold()) >= 0;
    }

    public boolean hasAnotherAppealLevel(Object appealLevel) {
        return appealLevel == null || ((Number) appealLevel).intValue() < properties.appealLevels();
    }

    private Duration slaOf(String queue) {
        return properties.sla().getOrDefault(queue, properties.defaultSla());
    }
}

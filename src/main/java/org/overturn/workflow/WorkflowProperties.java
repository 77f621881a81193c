package org.overturn.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param appealApprovalThreshold appeals of this many dollars at risk or more need a manager's approval
 * @param appealLevels            how many appeal levels to try before a write-off decision
 * @param correctionFollowUp      how long to wait for the payer's answer to a corrected claim
 * @param appealFollowUp          how long to wait for an appeal decision before following up
 * @param sla                     how long a task may wait in each queue before it escalates to managers
 * @param defaultSla              the SLA of a queue not listed
 * @param mailRetryCycle          how often, and how far apart, sending a letter is retried while the mail server
 *                                is down before it becomes an incident (ISO 8601 repeating interval)
 */
@ConfigurationProperties("overturn.workflow")
public record WorkflowProperties(
        @DefaultValue("1000") BigDecimal appealApprovalThreshold,
        @DefaultValue("2") int appealLevels,
        @DefaultValue("30d") Duration correctionFollowUp,
        @DefaultValue("30d") Duration appealFollowUp,
        Map<String, Duration> sla,
        @DefaultValue("5d") Duration defaultSla,
        @DefaultValue("R5/PT5M") String mailRetryCycle) {

    public WorkflowProperties {
        sla = sla == null ? Map.of() : Map.copyOf(sla);
    }
}

package org.overturn.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly client reports' schedule and mail.
 *
 * @param schedule     whether this node queues and sends the reports (on by default; any number of nodes may)
 * @param pollInterval how often the node queues last month's reports (from the month's first day) and sends what is due
 * @param from         the sender of the report emails
 * @param retryAfter   the pause after a failed send, doubled at each further failure
 * @param maxAttempts  sends tried before a report is marked FAILED
 */
@ConfigurationProperties("overturn.reports")
public record ReportProperties(@DefaultValue("true") boolean schedule, @DefaultValue("15m") Duration pollInterval,
                               @DefaultValue("reports@overturn.local") String from,
                               @DefaultValue("5m") Duration retryAfter, @DefaultValue("5") int maxAttempts) {
}

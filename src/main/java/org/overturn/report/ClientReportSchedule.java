package org.overturn.report;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The monthly schedule: every {@code overturn.reports.poll-interval} a node queues last month's report of each active
 * practice (from the first day of the month, once per practice and month, however many nodes run this) and emails
 * the reports that are due. A node that was down on the first catches up at its next poll. Spring scheduling with
 * the database as the lock (a unique row per practice and month, rows taken with {@code skip locked}) rather than a
 * timer process: there is no process state to keep, only an outbox. Off in the tests
 * ({@code overturn.reports.schedule=false}), which call {@link ClientReportMail} themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "overturn.reports.schedule", havingValue = "true", matchIfMissing = true)
class ClientReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(ClientReportSchedule.class);

    @Bean
    ThreadPoolTaskScheduler clientReportScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("client-reports-");
        scheduler.setPoolSize(1);
        return scheduler;
    }

    /** The first poll a minute after the start, once the server is up. */
    @Bean
    SmartInitializingSingleton clientReportPolls(@Qualifier("clientReportScheduler") ThreadPoolTaskScheduler scheduler,
                                                 ClientReportMail mail, ReportProperties properties) {
        return () -> scheduler.scheduleWithFixedDelay(() -> {
            try {
                int queued = mail.queueLastMonth();
                if (queued > 0) {
                    log.info("Queued {} monthly client report(s)", queued);
                }
                mail.sendDue();
            } catch (RuntimeException e) {
                // the next poll tries again (the database was away, say); the schedule must not die with it
                log.warn("Monthly client reports: {}", e.toString());
            }
        }, Instant.now().plus(Duration.ofMinutes(1)), properties.pollInterval());
    }
}

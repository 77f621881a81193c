package org.overturn.intake.internal;

import java.io.IOException;
import java.time.Duration;
import org.overturn.intake.FileIntake;
import org.overturn.intake.IntakeDoors;
import org.overturn.intake.IntakeProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Watches the inbox folder on a schedule, one file at a time, while the intake's doors are open; and tells the
 * other nodes on the same inbox that this one lives, on a thread of its own, so that a long file is never taken
 * over from a node still reading it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "overturn.intake.inbox-enabled", havingValue = "true", matchIfMissing = true)
class InboxConfiguration {

    @Bean
    InboxWatcher inboxWatcher(FileIntake intake, IntakeProperties properties, IntakeDoors doors) throws IOException {
        return new InboxWatcher(intake, properties, doors::closedBecause);
    }

    /** Initialized, stopped with the context and shut down by Spring: nothing is scheduled on it before that. */
    @Bean
    ThreadPoolTaskScheduler inboxScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("inbox-");
        scheduler.setPoolSize(2);
        return scheduler;
    }

    /**
     * The polls and the heartbeat, on the scheduler as Spring initialized it. (Tasks scheduled on a scheduler
     * initialized by hand went to an executor that Spring's own initialization then replaced: it went on polling
     * after the context closed, and held the context's close for 30 s.)
     */
    @Bean
    SmartInitializingSingleton inboxSchedule(@Qualifier("inboxScheduler") ThreadPoolTaskScheduler scheduler,
                                             InboxWatcher watcher, IntakeProperties properties) {
        return () -> {
            scheduler.scheduleWithFixedDelay(watcher::poll, properties.pollInterval());
            // a few beats within the time after which the others take this node's files over
            Duration beat = properties.takeoverAfter().dividedBy(5);
            scheduler.scheduleWithFixedDelay(watcher::heartbeat, beat.compareTo(Duration.ofMillis(100)) < 0
                    ? Duration.ofMillis(100) : beat);
        };
    }
}

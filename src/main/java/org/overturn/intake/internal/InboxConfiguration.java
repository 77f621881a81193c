package org.overturn.intake.internal;

import java.io.IOException;
import org.overturn.intake.IntakeProperties;
import org.overturn.intake.FileIntake;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Watches the inbox folder on a schedule, one file at a time. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "overturn.intake.inbox-enabled", havingValue = "true", matchIfMissing = true)
class InboxConfiguration {

    @Bean
    InboxWatcher inboxWatcher(FileIntake intake, IntakeProperties properties) throws IOException {
        return new InboxWatcher(intake, properties);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler inboxScheduler(InboxWatcher watcher, IntakeProperties properties) {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("inbox-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(watcher::poll, properties.pollInterval());
        return scheduler;
    }
}

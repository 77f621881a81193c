package org.overturn.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** One clock for every module, so tests can fix time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @Profile("!demo")
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * The local run's clock is the process engine's ({@link ClockUtil}), which is the system clock unless someone
     * sets it. The demo replays its clinic's past months by setting the engine clock to each past moment, and
     * what the application stamps at that moment (denial detected, claim corrected, appeal sent, denial closed,
     * audit events) must agree with the engine's task, timer and history times.
     */
    @Bean
    @Profile("demo")
    Clock engineClock() {
        return new EngineClock(ZoneId.systemDefault());
    }

    /** Reads {@link ClockUtil} on every call. */
    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}

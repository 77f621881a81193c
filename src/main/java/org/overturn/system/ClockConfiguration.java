package org.overturn.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for every module: the process engine's ({@link ClockUtil}), which is the system clock unless someone
 * sets it. Process tests move it to fire timers, and the demo replays its clinic's past months by setting it to
 * each past moment; what the application stamps or counts at that moment (denial detected, claim corrected,
 * appeal sent, task overdue, days left to appeal, audit events) must agree with the engine's task, timer and
 * history times. Production never sets it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock(ZoneId.systemDefault());
    }

    /**
     * Reads {@link ClockUtil} on every call. ClockUtil is in the engine's impl package: it is the only way to read
     * the engine's own notion of now, and Operaton keeps it under the same name.
     */
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

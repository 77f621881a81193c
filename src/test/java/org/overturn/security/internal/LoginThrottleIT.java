package org.overturn.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Guessing is slowed down per user and address, and every wait ends by itself: nobody locks an account for good. */
@OverturnIntegrationTest
class LoginThrottleIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aGuessedAccountWaitsAndThenSignsInAgain() {
        var user = identity.newUser("guessed");
        user.setPassword("the-right-password-1");
        identity.saveUser(user);

        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            assertThat(status("guessed", "wrong-" + i)).isEqualTo(401);
        }
        // the right password during the wait is refused too, unchecked
        assertThat(status("guessed", "the-right-password-1")).isEqualTo(401);
        assertThat(jdbc.queryForList("select detail from audit_event where actor = 'guessed' and action = "
                + "'LOGIN_FAILURE' order by id desc limit 1", String.class)).containsExactly("LockedException");

        // a quarter of an hour later every wait (ours and the engine's own delay) is over
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        assertThat(status("guessed", "the-right-password-1")).isEqualTo(200);
    }

    @Test
    void theWaitHoldsForTheAddressThatGuessedOnly() {
        var clock = new MovingClock();
        var throttle = new LoginThrottle(clock);
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("admin", "203.0.113.9");
        }

        assertThat(throttle.waitFor("admin", "203.0.113.9")).contains(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.waitFor("admin", "198.51.100.7")).isEmpty();
        throttle.failed("admin", "203.0.113.9");
        assertThat(throttle.waitFor("admin", "203.0.113.9")).contains(LoginThrottle.FIRST_WAIT.multipliedBy(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("admin", "203.0.113.9");
        }
        // a new failure long after the last starts the count again
        assertThat(throttle.waitFor("admin", "203.0.113.9")).contains(LoginThrottle.LONGEST_WAIT);
        clock.now = clock.now.plus(LoginThrottle.LONGEST_WAIT);
        assertThat(throttle.waitFor("admin", "203.0.113.9")).isEmpty();
        clock.now = clock.now.plus(LoginThrottle.LONGEST_WAIT).plusSeconds(1);
        throttle.failed("admin", "203.0.113.9");
        assertThat(throttle.waitFor("admin", "203.0.113.9")).isEmpty();
    }

    @Test
    void oneAddressGuessingManyUsersWaitsForAllOfThem() {
        var throttle = new LoginThrottle(new MovingClock());
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "203.0.113.10");
        }

        assertThat(throttle.waitFor("someone-else", "203.0.113.10")).isPresent();
        assertThat(throttle.waitFor("someone-else", "198.51.100.8")).isEmpty();
    }

    private int status(String user, String password) {
        return rest.withBasicAuth(user, password).getForEntity("/api/queues", String.class).getStatusCode().value();
    }

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.overturn.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after 5 failed logins for a user name, further attempts are refused for 15
 * minutes, whatever the password.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant lastAt) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isLocked(String user) {
        Failures f = failures.get(key(user));
        if (f == null) {
            return false;
        }
        if (f.lastAt().plus(LOCK).isBefore(clock.instant())) {
            failures.remove(key(user));
            return false;
        }
        return f.count() >= MAX_FAILURES;
    }

    public void failed(String user) {
        failures.merge(key(user), new Failures(1, clock.instant()),
                (old, one) -> new Failures(old.count() + 1, clock.instant()));
    }

    public void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(java.util.Locale.ROOT);
    }
}

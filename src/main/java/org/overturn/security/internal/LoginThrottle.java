package org.overturn.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account for good. Failures are counted per user and
 * client address, and per client address alone (an office behind one address types many passwords, hence the
 * higher number): after {@value #FREE_FAILURES} failures of a user from one address, or
 * {@value #FREE_FAILURES_PER_ADDRESS} of any users, that address must wait before it may try again, 30 seconds,
 * then twice as long after each further failure, at most {@link #LONGEST_WAIT}; failures that far apart start the
 * count again. A wait always
 * ends by itself, and it holds only for the address that failed: the real admin signing in from another address is
 * never kept out by someone guessing elsewhere. A successful sign-in clears its user's count at that address.
 * <p>
 * Kept in memory per node (a restart forgets the counts): the engine also delays each user's next check after a
 * failure (3 s doubling to 60 s, in the database, on every node), and never locks an account for good
 * ({@code loginMaxAttempts} is set past reach in {@code application.yml}).
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 100;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, Instant waitUntil, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this user at this address must still wait, if at all. */
    Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(waitUntil(userKey(user, address)), waitUntil(addressKey(address)));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String user, String address) {
        count(userKey(user, address), FREE_FAILURES);
        count(addressKey(address), FREE_FAILURES_PER_ADDRESS);
    }

    void succeeded(String user, String address) {
        failures.remove(userKey(user, address));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        failures.compute(key, (k, before) -> {
            // failures a quarter of an hour apart are typos, not guessing: the count starts again
            boolean fresh = before == null || before.last().plus(LONGEST_WAIT).isBefore(now);
            int count = fresh ? 1 : before.count() + 1;
            if (count <= free) {
                return new Failures(count, null, now);
            }
            int doublings = Math.min(count - free - 1, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return new Failures(count, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait), now);
        });
        // a node that sees many addresses forgets those whose wait ended long ago
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().waitUntil() == null
                    || e.getValue().waitUntil().isBefore(now.minus(LONGEST_WAIT)));
        }
    }

    private Instant waitUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? null : f.waitUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String user, String address) {
        return "user\u0001" + user + "\u0001" + address;
    }

    private static String addressKey(String address) {
        return "address\u0001" + address;
    }
}

package org.overturn.intake;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Whether the doors that bring real files in, the upload and the inbox folder, take them now: once the application
 * is ready (Spring Boot's readiness state is {@code ACCEPTING_TRAFFIC}) and nothing {@linkplain #hold holds} them.
 * Until then an upload is answered 503 with {@code Retry-After}, and the inbox is not looked at: its files wait.
 * <p>
 * The local run's first start replays the demo clinic's past months on the engine clock set to each past moment
 * while the server already answers; a file let in then would be stamped with a replayed day and worked by the demo
 * users. The replay holds the doors, and the server reports not ready, until it is over. The demo's own files come in
 * through {@link FileIntake} directly, not through these doors.
 */
@Component
public class IntakeDoors {

    /** What a client is told to wait before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    static final String NOT_READY = "The server is not taking files yet; try again in a minute";

    private final ApplicationEventPublisher events;
    private final ObjectProvider<ApplicationAvailability> availability;
    private volatile String heldBecause;

    IntakeDoors(ApplicationEventPublisher events, ObjectProvider<ApplicationAvailability> availability) {
        this.events = events;
        this.availability = availability;
    }

    /** Held doors: {@link #close()} opens them again. */
    public interface Hold extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * Closes the doors, telling whoever knocks {@code reason}, and reports the application not ready
     * ({@code REFUSING_TRAFFIC}) until the hold is closed, which restores the readiness it found: during the
     * application's start that is "not ready", and Spring Boot reports ready once the start is over.
     */
    public synchronized Hold hold(String reason) {
        if (heldBecause != null) {
            throw new IllegalStateException("The intake doors are already held: " + heldBecause);
        }
        ReadinessState before = readiness();
        heldBecause = reason;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        return () -> {
            synchronized (IntakeDoors.this) {
                if (heldBecause == null) {
                    return;
                }
                heldBecause = null;
                if (before == ReadinessState.ACCEPTING_TRAFFIC) {
                    AvailabilityChangeEvent.publish(events, IntakeDoors.this, ReadinessState.ACCEPTING_TRAFFIC);
                }
            }
        };
    }

    /** Why the doors take no file now (a sentence for the sender); empty when they do. */
    public Optional<String> closedBecause() {
        String held = heldBecause;
        if (held != null) {
            return Optional.of(held);
        }
        return readiness() == ReadinessState.ACCEPTING_TRAFFIC ? Optional.empty() : Optional.of(NOT_READY);
    }

    /** Without Spring Boot's availability (a test slice), the application counts as ready. */
    private ReadinessState readiness() {
        ApplicationAvailability state = availability.getIfAvailable();
        return state == null ? ReadinessState.ACCEPTING_TRAFFIC : state.getReadinessState();
    }
}

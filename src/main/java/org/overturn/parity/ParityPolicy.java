package org.overturn.parity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a plan has to answer a request for its comparative analysis before the case goes to the regulator
 * ({@code overturn.parity.response-window}, 30 days by default: what ERISA gives a plan administrator for
 * documents a participant requests). The escalation model asks for it by name.
 */
@Component("parityPolicy")
public class ParityPolicy {

    private final Duration responseWindow;
    private final Clock clock;

    @Autowired
    public ParityPolicy(@Value("${overturn.parity.response-window:30d}") Duration responseWindow, Clock clock) {
        this.responseWindow = responseWindow;
        this.clock = clock;
    }

    /** With the system's clock, for tests of the delegates that use it. */
    public ParityPolicy(Duration responseWindow) {
        this(responseWindow, Clock.systemDefaultZone());
    }

    /** The window as an ISO-8601 duration, for the timer. */
    public String responseWindow() {
        return responseWindow.toString();
    }

    /** The day an answer to a request sent now is due, by the one clock (the engine's). */
    public LocalDate responseDue() {
        return LocalDate.now(clock).plusDays(Math.max(1, responseWindow.toDays()));
    }
}

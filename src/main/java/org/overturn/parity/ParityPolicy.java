package org.overturn.parity;

import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    public ParityPolicy(@Value("${overturn.parity.response-window:30d}") Duration responseWindow) {
        this.responseWindow = responseWindow;
    }

    /** The window as an ISO-8601 duration, for the timer. */
    public String responseWindow() {
        return responseWindow.toString();
    }

    /** The day an answer to a request sent now is due, by the engine's clock. */
    public LocalDate responseDue() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault())
                .plusDays(Math.max(1, responseWindow.toDays()));
    }
}

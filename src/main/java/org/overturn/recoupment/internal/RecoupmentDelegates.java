package org.overturn.recoupment.internal;

import java.sql.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.recoupment.RecoupmentStatus;
import org.overturn.recoupment.Recoupments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code recoupment-review}: each maps its variables onto one call of {@link Recoupments}. */
@Configuration
class RecoupmentDelegates {

    /** Ends the recoupment as its input {@code recoupmentStatus} says, with who decided and why. */
    @Bean
    JavaDelegate closeRecoupment(Recoupments recoupments) {
        return execution -> recoupments.close(recoupmentId(execution),
                RecoupmentStatus.valueOf((String) execution.getVariable("recoupmentStatus")),
                decidedBy(execution), (String) execution.getVariable("recoupmentNote"));
    }

    /** Marks it disputed and gives the dispute task its due date. */
    @Bean
    JavaDelegate openRecoupmentDispute(Recoupments recoupments) {
        return execution -> execution.setVariable("disputeDueDate",
                Date.valueOf(recoupments.openDispute(recoupmentId(execution))));
    }

    private static long recoupmentId(DelegateExecution execution) {
        return ((Number) execution.getVariable("recoupmentId")).longValue();
    }

    /** Who completed the task: the API passes the user; a task completed in Tasklist leaves the engine's user. */
    private static String decidedBy(DelegateExecution execution) {
        Object by = execution.getVariable("decidedBy");
        if (by instanceof String s && !s.isBlank()) {
            return s;
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}

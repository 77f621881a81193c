package org.overturn.workflow.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.authorization.AuthorizationWatch;
import org.springframework.stereotype.Component;

/**
 * Records what became of a finding (input parameter {@code preventionEvent}): WORKED with the task's outcome, or
 * LAPSED when its authorization ran out (or its review came) with the task still open.
 */
@Component("recordPrevention")
class RecordPrevention implements JavaDelegate {

    private final AuthorizationWatch watch;

    RecordPrevention(AuthorizationWatch watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("preventionId")).longValue();
        var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = auth == null ? "authorization-watch" : auth.getUserId();
        if ("LAPSED".equals(execution.getVariable("preventionEvent"))) {
            watch.resolve(id, AuthorizationWatch.Outcome.LAPSED, "authorization-watch");
        } else {
            watch.resolve(id, AuthorizationWatch.Outcome.valueOf((String) execution.getVariable("preventionOutcome")),
                    by);
        }
    }
}

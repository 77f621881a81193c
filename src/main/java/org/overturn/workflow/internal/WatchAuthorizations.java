package org.overturn.workflow.internal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.overturn.authorization.AuthorizationRegister;
import org.overturn.authorization.AuthorizationWatch;
import org.springframework.stereotype.Component;

/**
 * The morning look of the authorization-watch process: the watch's new findings, each started as an instance of the
 * same process (its message start event: a process may not have a timer and a none start event) with its task in the authorizations queue, business key
 * {@code prevention/<id>}.
 */
@Component("watchAuthorizations")
class WatchAuthorizations implements JavaDelegate {

    static final String FINDING_MESSAGE = "PreventionFound";
    /** Running out is the most urgent (it has a date); the others sort after it. */
    private static final Map<AuthorizationWatch.Kind, Integer> PRIORITY = Map.of(
            AuthorizationWatch.Kind.RUNNING_OUT, 60, AuthorizationWatch.Kind.UNITS_EXCEEDED, 50,
            AuthorizationWatch.Kind.NO_AUTHORIZATION, 50);

    private final AuthorizationWatch watch;

    WatchAuthorizations(AuthorizationWatch watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        for (AuthorizationWatch.Finding finding : watch.sweep()) {
            String id = runtime.startProcessInstanceByMessage(FINDING_MESSAGE, "prevention/" + finding.id(), Map.of(
                    "preventionId", finding.id(), "kind", finding.kind().name(),
                    "queue", AuthorizationRegister.QUEUE, "priority", PRIORITY.get(finding.kind()))).getId();
            watch.workedBy(finding.id(), id);
        }
    }
}

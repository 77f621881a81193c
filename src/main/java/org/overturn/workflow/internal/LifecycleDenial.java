package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.springframework.stereotype.Component;

/**
 * What the lifecycle model asks about its denial by name ({@code ${denial...}}): the queue its correction is worked
 * in, its tasks' priority, its work path and its amount at risk. The denial owns them. A lifecycle's start is given them as transient
 * variables for its first steps, in the intake's transaction; later steps read the denial, so a lifecycle stores no
 * copy (issue 20: three variable rows, and their index entries, fewer per denial). Lifecycles started before
 * 2026-12-06 hold them as variables, which are read first and keep their behaviour.
 */
@Component("denial")
public class LifecycleDenial {

    private final Denials denials;

    public LifecycleDenial(Denials denials) {
        this.denials = denials;
    }

    /** The root cause's queue, where a correction is worked (the denial's open work may be elsewhere). */
    public String queue(VariableScope lifecycle) {
        return lifecycle.getVariable(QUEUE) instanceof String queue ? queue : denialOf(lifecycle).rootCause().queue();
    }

    /** The priority its tasks are created with: the denial's, ranked again when an appeal climbs a level. */
    public int priority(VariableScope lifecycle) {
        return lifecycle.getVariable(PRIORITY) instanceof Number priority ? priority.intValue()
                : denialOf(lifecycle).priority();
    }

    /**
     * The root-cause table's work path, null for a denial registered before paths existed. The start is given it
     * (null too); a lifecycle that holds its queue was started before 2026-12-06 and answers from its own variables
     * only, as it always did.
     */
    public String path(VariableScope lifecycle) {
        if (lifecycle.hasVariable(PATH) || lifecycle.hasVariable(QUEUE)) {
            return ProcessVariables.stringOf(lifecycle, PATH);
        }
        var path = denialOf(lifecycle).path();
        return path == null ? null : path.name();
    }

    /**
     * The amount at risk, which never changes once the denial is registered: the denial's, or the copy a lifecycle
     * started before 2026-12-06 holds (exact decimal text, or a double in older ones). Asked by the approval gateway
     * and when a recovery closes the denial; null when the denial is not on file.
     */
    public BigDecimal amountAtRisk(VariableScope lifecycle) {
        return lifecycle.getVariable(AMOUNT_AT_RISK) != null ? ProcessVariables.moneyOf(lifecycle, AMOUNT_AT_RISK)
                : denials.find(ProcessVariables.longOf(lifecycle, DENIAL_ID)).map(DenialView::amountAtRisk)
                        .orElse(null);
    }

    private DenialView denialOf(VariableScope lifecycle) {
        long denialId = ProcessVariables.longOf(lifecycle, DENIAL_ID);
        return denials.find(denialId).orElseThrow(() -> new IllegalStateException("no denial " + denialId));
    }
}

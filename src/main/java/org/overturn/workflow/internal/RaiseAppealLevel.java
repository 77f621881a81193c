package org.overturn.workflow.internal;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
// impl: the engine's clock, which the process tests and the demo replay move
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.overturn.workflow.AppealDeadlineWatch;
import org.springframework.stereotype.Component;

/**
 * After an upheld appeal: the next level of the denial's regime opens with a fresh appeal to prepare, its clock
 * started on the decision letter's date ({@code appealDecidedOn} when the biller gave it, else today), its due date
 * and recipient from the regime table, its deadline watched by its own appeal-deadline process.
 */
@Component("raiseAppealLevel")
class RaiseAppealLevel implements JavaDelegate {

    private final Denials denials;
    private final AppealDeadlines deadlines;
    private final AppealDeadlineWatch watch;

    RaiseAppealLevel(Denials denials, AppealDeadlines deadlines, AppealDeadlineWatch watch) {
        this.denials = denials;
        this.deadlines = deadlines;
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long denialId = ProcessVariables.longOf(execution, DENIAL_ID);
        String decided = ProcessVariables.stringOf(execution, APPEAL_DECIDED_ON);
        LocalDate decidedOn = decided != null ? LocalDate.parse(decided)
                : LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
        var step = deadlines.raise(denialId, decidedOn);
        execution.setVariable(APPEAL_LEVEL, step.level());
        execution.setVariable(APPEAL_SENT, false);
        execution.setVariable(APPEAL_DECIDED_ON, null);
        // the next level's tasks are ranked by its own due date, not the level before's: the denial's priority, which
        // a lifecycle started before 2026-12-06 holds a copy of (LifecycleDenial)
        TypedValue held = execution.getVariableTyped(PRIORITY);
        if (held != null && !held.isTransient()) {
            denials.find(denialId).ifPresent(d -> execution.setVariable(PRIORITY, d.priority()));
        }
        denials.moveTo(denialId, DenialStatus.OPEN);
        watch.watch(denialId, step.level(), step.dueOn());
    }
}

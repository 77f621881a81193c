package org.overturn.workflow.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.overturn.denial.AppealDeadlines;
import org.overturn.workflow.AppealDeadlineProperties;
import org.overturn.workflow.AppealDeadlineWatch.Deadline;
import org.overturn.workflow.WorkflowProperties;
import org.springframework.stereotype.Component;

/**
 * What the appeal models ask by name ({@code ${appealDeadline...}}): when the deadline process warns, escalates
 * and finds the deadline passed (the start of the day after the last day to file), whether the level is still to
 * file, and whether an upheld appeal may climb another level. A watch is asked about by its execution: the deadline
 * is in its business key ({@link Deadline#of}). Watches started on the model deployed before 2026-12-06 stay on it,
 * and it passes the due date as text ({@code dueOn}) and the denial and level as numbers: each question answers
 * both, with an Object parameter where the argument counts are the same (the expression language picks a method by
 * name and number of arguments only).
 */
@Component("appealDeadline")
public class AppealDeadlinePolicy {

    private final AppealDeadlineProperties properties;
    private final WorkflowProperties workflow;
    private final AppealDeadlines deadlines;
    private final Clock clock;

    AppealDeadlinePolicy(AppealDeadlineProperties properties, WorkflowProperties workflow,
                         AppealDeadlines deadlines, Clock clock) {
        this.properties = properties;
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Date warningAt(Object watchOrDueOn) {
        return startOf(dueOn(watchOrDueOn).minusDays(properties.warning().toDays()));
    }

    public Date escalationAt(Object watchOrDueOn) {
        return startOf(dueOn(watchOrDueOn).minusDays(properties.escalation().toDays()));
    }

    public Date passedAt(Object watchOrDueOn) {
        return passedAt(dueOn(watchOrDueOn));
    }

    /**
     * Whether the deadline has passed: asked at their start by the watches of the models deployed before 2026-12-07,
     * which then waited for the missed deadline alone. Since then such a deadline gets no watch at all
     * ({@link org.overturn.workflow.AppealDeadlineWatch}).
     */
    public boolean hasPassed(Object watchOrDueOn) {
        return isOver(dueOn(watchOrDueOn));
    }

    /**
     * Whether the last day to file this deadline is over (the start of the next day has come). Not an overload of
     * {@link #hasPassed(Object)}: the expression language would not tell them apart.
     */
    public boolean isOver(LocalDate dueOn) {
        return !clock.instant().isBefore(passedAt(dueOn).toInstant());
    }

    /** Whether the level is still to file by this due date (a level whose due date changed has a new watch). */
    public boolean awaitsFiling(DelegateExecution watch) {
        Deadline deadline = Deadline.of(watch);
        return deadlines.awaitsFiling(deadline.denialId(), deadline.level(), deadline.dueOn());
    }

    /** The same, as the models deployed before 2026-12-06 ask it. */
    public boolean awaitsFiling(Object denialId, Object level, String dueOn) {
        return deadlines.awaitsFiling(((Number) denialId).longValue(), ((Number) level).intValue(),
                LocalDate.parse(dueOn));
    }

    /**
     * Another level when the practice still climbs ({@code overturn.workflow.appeal-levels}) and the denial's
     * regime has a next level its amount at risk reaches (the amount-in-controversy floor of an ALJ hearing or a
     * court).
     */
    public boolean hasAnotherLevel(Object denialId, Object appealLevel) {
        int level = appealLevel == null ? 1 : ((Number) appealLevel).intValue();
        return level < workflow.appealLevels() && deadlines.hasLevelAfter(((Number) denialId).longValue(), level);
    }

    private static LocalDate dueOn(Object watchOrDueOn) {
        return watchOrDueOn instanceof DelegateExecution watch ? Deadline.of(watch).dueOn()
                : LocalDate.parse(watchOrDueOn.toString());
    }

    private static Date passedAt(LocalDate dueOn) {
        return startOf(dueOn.plusDays(1));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}

package org.overturn.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.overturn.denial.AppealDeadlines;
import org.overturn.denial.DenialView;
import org.overturn.workflow.internal.AppealDeadlinePolicy;
import org.springframework.stereotype.Component;

/**
 * Starts the appeal-deadline process of a level (bpmn/appeal-deadline.bpmn) beside the denial's lifecycle: when a
 * denial's lifecycle starts, when a level is raised, when a biller takes the denial down another route. A level with
 * nothing to file (no due date) has no deadline to watch. Each watch is one deadline: recorded among the denial's
 * processes as kind {@code DEADLINE_<level>_<due date>} with business key {@code <denial>/<kind>}, so one denial has
 * one process of each kind, and the same deadline is never watched twice. The business key is all the process needs
 * to know ({@link Deadline#of}): it holds no variables, three rows (and their index entries) fewer per watch.
 * <p>
 * A deadline that passed before its level was opened (a remittance loaded months late, a level opened from an old
 * decision letter) is recorded missed at once, and no watch starts: there is nothing left to wait for, and the
 * warnings would say nothing. Such a watch had been a process, a timer job already due and their history for each
 * appealable denial of an old remittance, in the job executor's queue beside the new denials' work (issue 20).
 */
@Component
public class AppealDeadlineWatch {

    public static final String PROCESS_KEY = "appeal-deadline";

    private static final String KIND_PREFIX = "DEADLINE_";

    private final RuntimeService runtime;
    private final ProcessesOfDenials processes;
    private final AppealDeadlinePolicy policy;
    private final AppealDeadlines deadlines;
    private final Clock clock;

    AppealDeadlineWatch(RuntimeService runtime, ProcessesOfDenials processes, AppealDeadlinePolicy policy,
                        AppealDeadlines deadlines, Clock clock) {
        this.runtime = runtime;
        this.processes = processes;
        this.policy = policy;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public void watch(long denialId, int level, LocalDate dueOn) {
        if (dueOn == null) {
            return;
        }
        if (policy.isOver(dueOn)) {
            deadlines.record(denialId, level, AppealDeadlines.DeadlineEvent.MISSED, dueOn, clock.instant());
            return;
        }
        String kind = kind(level, dueOn);
        if (processes.has(denialId, kind)) {
            return;
        }
        processes.register(denialId, kind, start(denialId, level, dueOn, kind));
    }

    /**
     * The first level's deadline of a file's new appealable denials: as {@link #watch} for each, with the processes
     * they already have read in one query and the new ones recorded in one batch (two statements a denial before),
     * and the deadlines already past recorded missed in one batch too.
     */
    void watchFirstLevels(Collection<DenialView> denials, Map<Long, Set<String>> kinds) {
        List<ProcessesOfDenials.Registration> started = new ArrayList<>();
        List<AppealDeadlines.LevelDeadline> missed = new ArrayList<>();
        for (DenialView denial : denials) {
            if (denial.appealDueDate() == null) {
                continue;
            }
            if (policy.isOver(denial.appealDueDate())) {
                missed.add(new AppealDeadlines.LevelDeadline(denial.id(), 1, denial.appealDueDate()));
                continue;
            }
            String kind = kind(1, denial.appealDueDate());
            if (!kinds.getOrDefault(denial.id(), Set.of()).contains(kind)) {
                started.add(new ProcessesOfDenials.Registration(denial.id(), kind,
                        start(denial.id(), 1, denial.appealDueDate(), kind)));
            }
        }
        if (!started.isEmpty()) {
            processes.registerAll(started);
        }
        deadlines.recordAll(missed, AppealDeadlines.DeadlineEvent.MISSED, clock.instant());
    }

    private String start(long denialId, int level, LocalDate dueOn, String kind) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, new Deadline(denialId, level, dueOn).businessKey())
                .getId();
    }

    private static String kind(int level, LocalDate dueOn) {
        return KIND_PREFIX + level + "_" + DateTimeFormatter.BASIC_ISO_DATE.format(dueOn);
    }

    /** The deadline one watch is about: the level of a denial and its last day to file. */
    public record Deadline(long denialId, int level, LocalDate dueOn) {

        /** {@code <denial>/DEADLINE_<level>_<yyyyMMdd>}, also the watch's kind among the denial's processes. */
        public String businessKey() {
            return denialId + "/" + kind(level, dueOn);
        }

        /**
         * The deadline a watch is about: from its business key, or from the variables {@code denialId},
         * {@code appealLevel} and {@code dueOn} that watches started before 2026-12-06 hold (their business key was
         * the bare denial id until 2026-12-05).
         */
        public static Deadline of(DelegateExecution watch) {
            if (watch.getVariable("dueOn") instanceof String dueOn) {
                return new Deadline(((Number) watch.getVariable("denialId")).longValue(),
                        watch.getVariable("appealLevel") instanceof Number level ? level.intValue() : 1,
                        LocalDate.parse(dueOn));
            }
            return ofBusinessKey(watch.getProcessBusinessKey());
        }

        public static Deadline ofBusinessKey(String businessKey) {
            int slash = businessKey == null ? -1 : businessKey.indexOf("/" + KIND_PREFIX);
            if (slash < 0) {
                throw new IllegalStateException("not an appeal-deadline watch: business key " + businessKey);
            }
            String[] levelAndDue = businessKey.substring(slash + 1 + KIND_PREFIX.length()).split("_");
            return new Deadline(Long.parseLong(businessKey.substring(0, slash)), Integer.parseInt(levelAndDue[0]),
                    LocalDate.parse(levelAndDue[1], DateTimeFormatter.BASIC_ISO_DATE));
        }
    }
}

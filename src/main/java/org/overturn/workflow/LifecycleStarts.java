package org.overturn.workflow;

import static org.overturn.workflow.DenialLifecycle.Variables.*;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Starts the lifecycle of new denials, inside the transaction that stores them, so that a denial is never stored
 * without its process; the primary key of {@code denial_process} forbids a second one.
 */
@Service
public class LifecycleStarts {

    /** Processes started in one engine command, so in one flush; see {@link #startAll}. */
    static final int STARTS_PER_COMMAND = 100;

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Denials denials;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CommandExecutor engineCommands;
    private final AppealDeadlineWatch deadlines;
    private final UrgentAppealWatch urgentAppeals;
    private final ProcessesOfDenials processes;

    LifecycleStarts(RuntimeService runtime, RepositoryService repository, Denials denials, JdbcTemplate jdbc,
                    Clock clock, ProcessEngine engine, AppealDeadlineWatch deadlines, UrgentAppealWatch urgentAppeals,
                    ProcessesOfDenials processes) {
        this.processes = processes;
        this.urgentAppeals = urgentAppeals;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.repository = repository;
        this.denials = denials;
        this.jdbc = jdbc;
        this.clock = clock;
        // the engine's command executor (impl): a set's processes start in one engine command, one flush
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /** Starts the lifecycle of a denial; the primary key of {@code denial_process} forbids a second one. */
    public String start(long denialId) {
        return start(denials.find(denialId).orElseThrow(() -> new IllegalArgumentException("no denial " + denialId)),
                latestDefinitionId());
    }

    /**
     * A transaction set's new processes, started {@value #STARTS_PER_COMMAND} to an engine command: the engine writes
     * each command's processes in one flush of batched inserts, not a flush per process. Not all in one command:
     * before a flush the engine orders the inserts of each kind of row (variables, executions, jobs, tasks) by
     * comparing every one with every other ({@code DbOperationManager.sortByReferences}), so the time grows with the
     * square of a command's processes; with a set's 700 denials in one command that ordering took a quarter of the
     * starts' time. The latest definition is looked up once.
     */
    void startAll(List<DenialView> toStart) {
        String definitionId = toStart.isEmpty() ? null : latestDefinitionId();
        if (definitionId == null) {
            return;
        }
        for (int from = 0; from < toStart.size(); from += STARTS_PER_COMMAND) {
            startInOneCommand(toStart.subList(from, Math.min(toStart.size(), from + STARTS_PER_COMMAND)),
                    definitionId);
        }
    }

    private void startInOneCommand(List<DenialView> toStart, String definitionId) {
        engineCommands.execute(commandContext -> {
            List<Object[]> recorded = new ArrayList<>(toStart.size());
            for (DenialView denial : toStart) {
                recorded.add(new Object[] {denial.id(), startLifecycle(denial, definitionId)});
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.batchUpdate("insert into denial_process (denial_id, process_instance_id, started_at) values (?, ?, ?)",
                    recorded.stream().map(row -> new Object[] {row[0], row[1], now}).toList());
            // beside each appealable denial's lifecycle, its first level's deadline and (for a stay still going on)
            // its urgent appeal: what they already have read once for the set, not per denial
            List<DenialView> appealable = toStart.stream().filter(DenialView::appealable).toList();
            if (!appealable.isEmpty()) {
                Map<Long, Set<String>> kinds = processes.kindsOf(appealable.stream().map(DenialView::id).toList());
                deadlines.watchFirstLevels(appealable, kinds);
                urgentAppeals.watchAll(appealable, kinds);
            }
            return null;
        });
    }

    private String latestDefinitionId() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DenialLifecycle.PROCESS_KEY)
                .latestVersion().singleResult().getId();
    }

    private String start(DenialView denial, String definitionId) {
        long denialId = denial.id();
        String processInstanceId = startLifecycle(denial, definitionId);
        recordProcess(denialId, processInstanceId);
        if (denial.appealable()) {
            // the appeal's filing deadline runs from the remittance, whatever step the denial is at
            deadlines.watch(denialId, 1, denial.appealDueDate());
            // a review denial of a stay still going on: peer-to-peer review and expedited appeal beside it
            urgentAppeals.watch(denial);
        }
        return processInstanceId;
    }

    /** The lifecycle's process, to its first task or wait state; not yet recorded among the denial's processes. */
    private String startLifecycle(DenialView denial, String definitionId) {
        long denialId = denial.id();
        Map<String, Object> variables = new HashMap<>();
        variables.put(DENIAL_ID, denial.id());
        // the denial's classification chooses the path at the first gateway, and its queue and priority make the
        // first task: transient, for this transaction's steps only. The denial keeps them; later steps read it
        // (LifecycleDenial), and the amount at risk and appeal level too (issue 20)
        variables.put(ROOT_CAUSE, Variables.stringValue(denial.rootCause().name(), true));
        variables.put(CORRECTABLE, Variables.booleanValue(denial.correctable(), true));
        variables.put(APPEALABLE, Variables.booleanValue(denial.appealable(), true));
        variables.put(PATH, Variables.stringValue(denial.path() == null ? null : denial.path().name(), true));
        // the root cause's queue, where a correction is worked; denial.queue() is where the open work is
        variables.put(QUEUE, Variables.stringValue(denial.rootCause().queue(), true));
        variables.put(PRIORITY, Variables.integerValue(denial.priority(), true));
        return runtime.createProcessInstanceById(definitionId)
                .businessKey(String.valueOf(denialId))
                .setVariables(variables)
                .execute()
                .getProcessInstanceId();
    }

    void recordProcess(long denialId, String processInstanceId) {
        jdbc.update("insert into denial_process (denial_id, process_instance_id, started_at) values (?, ?, ?)",
                denialId, processInstanceId, Timestamp.from(clock.instant()));
    }
}

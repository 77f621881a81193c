package org.overturn.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

/**
 * What operations staff must look at in Cockpit (shown on the dashboard): open incidents (a job that failed all its retries, or any
 * other incident the engine raised) and stuck processes (a job that should have run more than
 * {@link #STUCK_AFTER} ago but has not, though it has retries left). Each links to its process in Cockpit.
 */
@Service
public class EngineHealth {

    public static final String COCKPIT = "/camunda/app/cockpit/default/#/processes";
    static final Duration STUCK_AFTER = Duration.ofMinutes(15);
    private static final int SHOWN = 50;

    /** @param failedJobId the job to try again, for an incident of a job that failed all its retries */
    public record Problem(String processInstanceId, String denialId, String activity, Instant since, String what,
                          String cockpitLink, String failedJobId) {
    }

    public record Health(long incidents, List<Problem> incidentList, long stuck, List<Problem> stuckList) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    EngineHealth(RuntimeService runtime, ManagementService management, Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    public Health now() {
        var incidentQuery = runtime.createIncidentQuery();
        long incidents = incidentQuery.count();
        List<Incident> shownIncidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc()
                .listPage(0, SHOWN);
        var stuckQuery = management.createJobQuery().active().withRetriesLeft()
                .duedateLowerThan(Date.from(clock.instant().minus(STUCK_AFTER)));
        long stuck = stuckQuery.count();
        List<Job> stuckJobs = management.createJobQuery().active().withRetriesLeft()
                .duedateLowerThan(Date.from(clock.instant().minus(STUCK_AFTER))).orderByJobDuedate().asc()
                .listPage(0, SHOWN);
        Set<String> processes = new HashSet<>();
        shownIncidents.forEach(i -> processes.add(i.getProcessInstanceId()));
        stuckJobs.forEach(j -> processes.add(j.getProcessInstanceId()));
        processes.remove(null);
        Map<String, String> businessKeys = new HashMap<>();
        if (!processes.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(processes).list()
                    .forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
        }
        return new Health(incidents, shownIncidents.stream().map(i -> new Problem(i.getProcessInstanceId(),
                        businessKeys.get(i.getProcessInstanceId()), i.getActivityId(),
                        i.getIncidentTimestamp() == null ? null : i.getIncidentTimestamp().toInstant(),
                        i.getIncidentType() + ": " + firstLine(i.getIncidentMessage()), link(i.getProcessInstanceId()),
                        Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType()) ? i.getConfiguration() : null))
                .toList(),
                stuck, stuckJobs.stream().map(j -> new Problem(j.getProcessInstanceId(),
                        businessKeys.get(j.getProcessInstanceId()), null,
                        j.getDuedate() == null ? null : j.getDuedate().toInstant(),
                        "job waiting since its due date, " + j.getRetries() + " retries left",
                        link(j.getProcessInstanceId()), null)).toList());
    }

    /**
     * Tries a job that failed all its retries once more, as Cockpit's retry does (the engine resolves its incident);
     * false when there is no such failed job. For managers, who fix what failed (a mail server back up) from the
     * dashboard without the engine's own tools.
     */
    public boolean retry(String jobId) {
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        if (job == null || job.getRetries() > 0) {
            return false;
        }
        management.setJobRetries(jobId, 1);
        return true;
    }

    /**
     * Whether asynchronous steps of processes are due and not yet run: after a file, its appealable denials' parity
     * screens, which bring them to their queues. Work that can wait (refreshing the planner's statistics) waits for
     * them, rather than take the database's time from them.
     */
    public boolean hasStepsDue() {
        return !management.createJobQuery().messages().executable().active().listPage(0, 1).isEmpty();
    }

    private static String link(String processInstanceId) {
        return processInstanceId == null ? COCKPIT
                : "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task has a timeout listener of its queue's SLA: when it fires (once) the task stays where it
 * is, managers see it too, and the breach is recorded for the SLA dashboard.
 */
@LifecycleProcessTest
class SlaEscalationIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    static Stream<Arguments> overdueTasks() {
        return Stream.of(
                Arguments.of(Tasks.CORRECT_CLAIM, "coding", Duration.ofDays(3)),
                Arguments.of(Tasks.FOLLOW_UP_CORRECTION, "coding", Duration.ofDays(3)),
                Arguments.of(Tasks.CHECK_TIMELY_FILING_PROOF, "appeals", Duration.ofDays(5)),
                Arguments.of(Tasks.PREPARE_APPEAL, "appeals", Duration.ofDays(5)),
                Arguments.of(Tasks.APPROVE_APPEAL, "managers", Duration.ofDays(2)),
                Arguments.of(Tasks.FOLLOW_UP_APPEAL, "appeals", Duration.ofDays(5)),
                Arguments.of(Tasks.DECIDE_WRITE_OFF, "managers", Duration.ofDays(2)),
                Arguments.of(Tasks.BILL_PATIENT, "patient-accounts", Duration.ofDays(5)),
                Arguments.of(Tasks.OBTAIN_CONSENT, "appeals", Duration.ofDays(5)),
                Arguments.of(Tasks.SEND_APPEAL_BY_POST, "appeals", Duration.ofDays(5)));
    }

    @ParameterizedTest(name = "{0} in {1} after {2}")
    @MethodSource("overdueTasks")
    void escalatesAnOverdueTaskToManagersAndKeepsItOpen(String taskKey, String queue, Duration sla) {
        Denied denial = reach(taskKey);
        Task overdue = scenario.task(denial, taskKey);
        assertThat(overdue.getDueDate().getTime() - overdue.getCreateTime().getTime())
                .as("due date of the task").isCloseTo(sla.toMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(scenario.timeUntilSla(denial, taskKey)).isBetween(sla.minusMinutes(1), sla);

        scenario.fireSlaTimer(denial, taskKey);

        assertThat(denial.process()).isWaitingAt(taskKey);
        assertThat(scenario.slaTimerOrNull(denial.processInstanceId(), taskKey)).as("fires once").isNull();
        assertThat(scenario.task(denial, taskKey).getId()).as("the same task stays open").isEqualTo(overdue.getId());
        assertThat(tasks.getIdentityLinksForTask(overdue.getId())).filteredOn(this::isCandidateGroup)
                .extracting(IdentityLink::getGroupId).contains(queue, "managers");
        assertThat(tasks.getVariableLocal(overdue.getId(), "slaBreached")).isEqualTo(true);
        assertThat(scenario.slaBreaches(denial.id())).singleElement().satisfies(breach -> assertThat(breach)
                .containsEntry("task_definition_key", taskKey).containsEntry("task_id", overdue.getId())
                .containsEntry("queue", queue));
    }

    /**
     * Instances started under the definitions before the timeout listeners stay on them (no migration): their
     * boundary timer still runs {@code ${escalateToManagers}} as a delegate, with input parameter overdueTask.
     */
    @org.junit.jupiter.api.Test
    void aBoundaryTimerOfAnEarlierDefinitionStillEscalates() {
        Denied denial = correctable(LifecycleScenario.newClaim());
        var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("sla-before-timeout-listeners")
                .startEvent().userTask("Task_Legacy").camundaCandidateGroups("coding")
                .boundaryEvent("Timer_LegacySlaBreached").cancelActivity(false).timerWithDuration("P3D")
                .serviceTask("Task_EscalateLegacy").camundaDelegateExpression("${escalateToManagers}")
                .camundaInputParameter("overdueTask", "Task_Legacy").endEvent("End_LegacyEscalated")
                .moveToActivity("Task_Legacy").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("legacy-sla.bpmn", model).deploy().getId();
        try {
            String process = runtime.startProcessInstanceByKey("sla-before-timeout-listeners",
                    java.util.Map.of("denialId", denial.id())).getId();
            var timer = management.createJobQuery().processInstanceId(process).activityId("Timer_LegacySlaBreached")
                    .singleResult();
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                    new java.util.Date(timer.getDuedate().getTime() + 1000));
            management.executeJob(timer.getId());

            Task legacy = tasks.createTaskQuery().processInstanceId(process).singleResult();
            assertThat(tasks.getIdentityLinksForTask(legacy.getId())).filteredOn(this::isCandidateGroup)
                    .extracting(IdentityLink::getGroupId).contains("coding", "managers");
            assertThat(scenario.slaBreaches(denial.id())).singleElement().satisfies(breach -> assertThat(breach)
                    .containsEntry("task_definition_key", "Task_Legacy").containsEntry("task_id", legacy.getId())
                    .containsEntry("queue", "coding"));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private boolean isCandidateGroup(IdentityLink link) {
        return IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null;
    }

    /** A new denial driven to the task, the shortest way. */
    private Denied reach(String taskKey) {
        String claim = LifecycleScenario.newClaim();
        return switch (taskKey) {
            case Tasks.CORRECT_CLAIM -> correctable(claim);
            case Tasks.FOLLOW_UP_CORRECTION -> {
                Denied denial = correctable(claim);
                scenario.complete(denial, Tasks.CORRECT_CLAIM, "correctionOutcome", "CORRECTED",
                        "whatChanged", "modifier 95 added", "correctionReason", "video visit");
                scenario.fireTimer(denial, "Timer_CorrectionFollowUpDue");
                yield denial;
            }
            case Tasks.CHECK_TIMELY_FILING_PROOF -> scenario.denial(Era835.denial(claim, "CO", "29", "220.00"));
            case Tasks.PREPARE_APPEAL -> appealable(claim, "400.00");
            case Tasks.APPROVE_APPEAL -> {
                Denied denial = appealable(claim, "2500.00");
                submit(denial);
                yield denial;
            }
            case Tasks.FOLLOW_UP_APPEAL -> {
                Denied denial = appealable(claim, "400.00");
                submit(denial);
                scenario.fireTimer(denial, "Timer_AppealFollowUpDue");
                yield denial;
            }
            case Tasks.DECIDE_WRITE_OFF -> scenario.denial(Era835.denial(claim, "CO", "202", "150.00"));
            case Tasks.BILL_PATIENT -> {
                // OA: billable to the patient without a hold-harmless override
                Denied denial = scenario.denial(Era835.denial(claim, "OA", "50", "400.00").procedure("90837"));
                scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "PATIENT");
                yield denial;
            }
            case Tasks.OBTAIN_CONSENT -> {
                Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "300.00").procedure("H0015"));
                scenario.complete(denial, Tasks.PREPARE_APPEAL, SUD_BILLER, "appealAction", "SUBMIT",
                        "appealArgument", "see notes");
                yield denial;
            }
            case Tasks.SEND_APPEAL_BY_POST -> {
                Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00")
                        .payer("PAPER ONLY HEALTH", "OVT-PAPER-SLA"));
                submit(denial);
                yield denial;
            }
            default -> throw new IllegalArgumentException(taskKey);
        };
    }

    private static final org.overturn.security.CurrentUser SUD_BILLER = new org.overturn.security.CurrentUser(
            "sud-biller-sam", java.util.Set.of(org.overturn.security.Roles.BILLER, org.overturn.security.Roles.PART2),
            LifecycleScenario.BILLER.queues());

    private Denied correctable(String claim) {
        return scenario.denial(Era835.denial(claim, "CO", "16", "180.00").procedure("90791"));
    }

    private Denied appealable(String claim, String amount) {
        return scenario.denial(AppealPathIT.medicalNecessity(claim, amount));
    }

    private void submit(Denied denial) {
        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT", "appealArgument", "see notes");
    }
}

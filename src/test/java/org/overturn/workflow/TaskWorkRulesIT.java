package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.overturn.denial.WorkQueue;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskProblem;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;

/** Completing lifecycle tasks through the worklist: the form as the model declares it, and who may work what. */
@LifecycleProcessTest
class TaskWorkRulesIT {

    private static final CurrentUser OTHER_BILLER = new CurrentUser("biller-bo", Set.of(Roles.BILLER),
            Set.of(WorkQueue.CODING, WorkQueue.APPEALS));
    private static final CurrentUser PARITY_SPECIALIST = new CurrentUser("parity-pia",
            Set.of(Roles.PARITY_SPECIALIST), Set.of(WorkQueue.PARITY));

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    TaskWork work;
    @Autowired
    TaskService tasks;

    @Test
    void refusesAFormWithoutItsRequiredField() {
        Denied denial = correctable();

        TaskProblem problem = completeExpectingProblem(denial, Tasks.CORRECT_CLAIM, LifecycleScenario.BILLER,
                Map.of("whatChanged", "modifier 95 added"));

        assertThat(problem.kind()).isEqualTo(TaskProblem.Kind.INVALID);
        assertThat(problem.fieldErrors()).containsOnlyKeys("correctionOutcome")
                .containsEntry("correctionOutcome", "What did you do? is required");
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
    }

    @Test
    void refusesAnEnumValueTheFormDoesNotOffer() {
        Denied denial = correctable();

        TaskProblem problem = completeExpectingProblem(denial, Tasks.CORRECT_CLAIM, LifecycleScenario.BILLER,
                Map.of("correctionOutcome", "IGNORE"));

        assertThat(problem.kind()).isEqualTo(TaskProblem.Kind.INVALID);
        assertThat(problem.fieldErrors()).containsOnlyKeys("correctionOutcome");
        assertThat(problem.fieldErrors().get("correctionOutcome")).startsWith("What did you do?: choose one of ");
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
    }

    @Test
    void refusesACorrectionThatDoesNotSayWhatChanged() {
        Denied denial = correctable();

        TaskProblem problem = completeExpectingProblem(denial, Tasks.CORRECT_CLAIM, LifecycleScenario.BILLER,
                Map.of("correctionOutcome", "CORRECTED"));

        assertThat(problem.kind()).isEqualTo(TaskProblem.Kind.INVALID);
        assertThat(problem.fieldErrors())
                .containsEntry("whatChanged", "Say what you changed on the claim")
                .containsEntry("correctionReason", "Say why the change is right");
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
        assertThat(scenario.correctedClaims(denial.id())).isEmpty();
    }

    @Test
    void refusesATaskClaimedBySomeoneElse() {
        Denied denial = correctable();
        String taskId = scenario.task(denial, Tasks.CORRECT_CLAIM).getId();
        work.claim(taskId, LifecycleScenario.BILLER);

        TaskProblem onClaim = catchThrowableOfType(TaskProblem.class, () -> work.claim(taskId, OTHER_BILLER));
        TaskProblem onComplete = completeExpectingProblem(denial, Tasks.CORRECT_CLAIM, OTHER_BILLER,
                Map.of("correctionOutcome", "APPEAL"));

        assertThat(onClaim.kind()).isEqualTo(TaskProblem.Kind.CONFLICT);
        assertThat(onClaim).hasMessageContaining(LifecycleScenario.BILLER.id());
        assertThat(onComplete.kind()).isEqualTo(TaskProblem.Kind.CONFLICT);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(LifecycleScenario.BILLER.id());
        assertThat(denial.process()).isWaitingAt(Tasks.CORRECT_CLAIM);
    }

    @Test
    void refusesAUserOutsideTheTasksQueue() {
        Denied denial = correctable();
        String taskId = scenario.task(denial, Tasks.CORRECT_CLAIM).getId();

        TaskProblem onClaim = catchThrowableOfType(TaskProblem.class, () -> work.claim(taskId, PARITY_SPECIALIST));
        TaskProblem onComplete = completeExpectingProblem(denial, Tasks.CORRECT_CLAIM, PARITY_SPECIALIST,
                Map.of("correctionOutcome", "APPEAL"));

        assertThat(onClaim.kind()).isEqualTo(TaskProblem.Kind.FORBIDDEN);
        assertThat(onComplete.kind()).isEqualTo(TaskProblem.Kind.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void managerMayWorkATaskOnlyOnceItIsEscalated() {
        Denied denial = correctable();
        String taskId = scenario.task(denial, Tasks.CORRECT_CLAIM).getId();
        TaskProblem before = catchThrowableOfType(TaskProblem.class,
                () -> work.claim(taskId, LifecycleScenario.MANAGER));

        scenario.fireSlaTimer(denial, Tasks.CORRECT_CLAIM);
        scenario.complete(denial, Tasks.CORRECT_CLAIM, LifecycleScenario.MANAGER, "correctionOutcome", "APPEAL");

        assertThat(before.kind()).isEqualTo(TaskProblem.Kind.FORBIDDEN);
        assertThat(denial.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    private Denied correctable() {
        return scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00").procedure("90791"));
    }

    private TaskProblem completeExpectingProblem(Denied denial, String taskKey, CurrentUser user,
                                                 Map<String, Object> form) {
        String taskId = scenario.task(denial, taskKey).getId();
        TaskProblem problem = catchThrowableOfType(TaskProblem.class, () -> work.complete(taskId, form, user));
        assertThat(problem).as("problem completing %s", taskKey).isNotNull();
        return problem;
    }
}

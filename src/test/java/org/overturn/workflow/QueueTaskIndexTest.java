package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code queue_task}, read by the queue counts and the dashboard's backlog, holds exactly the open tasks the
 * engine has, in each queue it offers them to, through every way a task comes and goes.
 */
@LifecycleProcessTest
class QueueTaskIndexTest {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    TaskService tasks;

    @Test
    void aNewTaskIsInItsQueueWithItsDenialsDollarsAndDueDate() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));
        Task task = scenario.task(denial, Tasks.CORRECT_CLAIM);

        assertThat(scenario.queueTasks(denial)).singleElement().asString()
                .startsWith(task.getId() + " coding 180.00 ");
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void aCompletedTaskLeavesItsQueueAndTheNextOneArrives() {
        Denied denial = scenario.denial(AppealPathTest.medicalNecessity(LifecycleScenario.newClaim(), "2500.00"));
        String prepare = scenario.task(denial, Tasks.PREPARE_APPEAL).getId();

        scenario.complete(denial, Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT", "appealArgument", "see notes");

        String approve = scenario.task(denial, Tasks.APPROVE_APPEAL).getId();
        // (a denial this size is also screened for parity: the parity team has a task of its own)
        assertThat(scenario.queueTasks(denial)).anySatisfy(row -> assertThat(row).startsWith(approve + " managers "))
                .noneSatisfy(row -> assertThat(row).contains(prepare));
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void anEscalatedTaskIsInItsQueueAndWithManagers() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));

        scenario.fireTimer(denial, "Timer_CorrectClaimSlaBreached");

        assertThat(scenario.queueTasks(denial)).hasSize(2).anySatisfy(row -> assertThat(row).contains(" coding "))
                .anySatisfy(row -> assertThat(row).contains(" managers "));
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void aTaskTheProcessDropsBecauseThePayerPaidLeavesItsQueue() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "197", "150.00"));
        assertThat(scenario.queueTasks(denial)).hasSize(1);

        scenario.ingest(Era835.payment(claim, "140.00").bytes());
        scenario.runJobs(denial.processInstanceId());

        assertThat(scenario.queueTasks(denial)).isEmpty();
        assertThat(scenario.queueTasksOfTheEngine(denial)).isEmpty();
    }

    @Test
    void aDueDateOrQueueChangedInTasklistOrCockpitIsKeptToo() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));
        Task task = scenario.task(denial, Tasks.CORRECT_CLAIM);

        task.setDueDate(new Date(task.getDueDate().getTime() + 86_400_000L));
        tasks.saveTask(task);
        assertKeptAsTheEngineHasIt(denial);

        tasks.addCandidateGroup(task.getId(), "appeals");
        tasks.deleteCandidateGroup(task.getId(), "coding");
        assertThat(scenario.queueTasks(denial)).singleElement().asString().contains(" appeals ");
        assertKeptAsTheEngineHasIt(denial);
    }

    @Test
    void aCancelledProcessTakesItsTasksOutOfTheQueuesEvenSkippingCustomListeners() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));

        scenario.runtime().deleteProcessInstance(denial.processInstanceId(), "cancelled in Cockpit", true);

        assertThat(scenario.queueTasks(denial)).isEmpty();
    }

    private void assertKeptAsTheEngineHasIt(Denied denial) {
        assertThat(scenario.queueTasks(denial)).isNotEmpty()
                .containsExactlyElementsOf(scenario.queueTasksOfTheEngine(denial));
    }
}

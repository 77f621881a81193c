package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.overturn.intake.IntakeResult;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the denial's process draws its first transaction boundary: the file's transaction carries it to its first
 * task; the parity screen of an appealable denial starts a transaction of its own, so its failure leaves the file
 * and the process stored.
 */
@LifecycleProcessTest
class FirstStepIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCorrectableDenialHasItsTaskInItsQueueOnceTheFileIsStored() {
        IntakeResult result = scenario.ingest(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00").bytes());

        long denialId = jdbc.queryForObject("""
                select d.id from denial d join claim_payment cp on cp.id = d.claim_payment_id
                 where cp.remittance_id = ?""", Long.class, result.remittances().get(0).remittanceId());
        String process = scenario.processOf(denialId);
        // no job executor in process tests, and none needed
        assertThat(management.createJobQuery().processInstanceId(process).messages().count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(Tasks.CORRECT_CLAIM)
                .taskCandidateGroup("coding").count()).isOne();
        assertThat(jdbc.queryForList("select queue from queue_task where denial_id = ?", String.class, denialId))
                .containsExactly("coding");
    }

    @Test
    void aFailingParityScreenFailsItsOwnJobNotTheTransactionThatStartedTheProcess() {
        // an appealable denial whose screen cannot find its denial: the start commits all the same
        String process = runtime.startProcessInstanceByKey(DenialLifecycle.PROCESS_KEY, "first-step-test",
                Map.of(DenialLifecycle.Variables.DENIAL_ID, -1L, "rootCause", "MEDICAL_NECESSITY",
                        "correctable", false, "appealable", true, "path", "APPEAL")).getId();
        try {
            Job screen = management.createJobQuery().processInstanceId(process).singleResult();
            assertThat(screen).isNotNull();

            assertThatThrownBy(() -> management.executeJob(screen.getId())).hasMessageContaining("No denial -1");

            Job failed = management.createJobQuery().jobId(screen.getId()).singleResult();
            assertThat(failed.getExceptionMessage()).contains("No denial -1");
            assertThat(failed.getRetries()).as("retried later, not lost").isPositive();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).active().count()).isOne();
        } finally {
            runtime.deleteProcessInstance(process, "test", true, true);
        }
    }
}

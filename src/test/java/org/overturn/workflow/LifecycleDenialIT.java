package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A lifecycle reads its denial's facts from the denial, once per transaction. */
@LifecycleProcessTest
class LifecycleDenialIT {

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
    @Autowired
    EntityManagerFactory persistence;

    @Autowired
    org.overturn.denial.Denials denials;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aDenialReadTwiceInOneTransactionComesFromTheDatabaseOnce() {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00"));
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            var views = transactions.execute(status -> java.util.List.of(denials.find(denial.id()).orElseThrow(),
                    denials.find(denial.id()).orElseThrow()));

            assertThat(views.get(1)).isEqualTo(views.get(0));
            assertThat(statistics.getEntityStatistics("org.overturn.denial.internal.Denial").getLoadCount()).isOne();
            assertThat(statistics.getQueryExecutionCount()).as("by primary key, not by query").isZero();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void theParityScreensJobGivesPrepareAppealTheDenialsPriorityLoadingTheDenialOnce() {
        var intake = scenario.ingest(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00").bytes());
        long denialId = jdbc.queryForObject("""
                select d.id from denial d join claim_payment cp on cp.id = d.claim_payment_id
                 where cp.remittance_id = ?""", Long.class, intake.remittances().get(0).remittanceId());
        String process = scenario.processOf(denialId);
        var screen = management.createJobQuery().processInstanceId(process).singleResult();
        assertThat(screen).as("the parity screen waits for the job executor").isNotNull();
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            management.executeJob(screen.getId());

            assertThat(statistics.getEntityStatistics("org.overturn.denial.internal.Denial").getLoadCount())
                    .as("the denial loaded from the database in the screen's transaction").isOne();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        var prepare = tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(Tasks.PREPARE_APPEAL)
                .singleResult();
        assertThat(prepare.getPriority()).isEqualTo(
                jdbc.queryForObject("select priority from denial where id = ?", Integer.class, denialId));
        assertThat(runtime.getVariables(process)).containsOnlyKeys(DenialLifecycle.Variables.DENIAL_ID);
    }
}

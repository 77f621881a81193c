package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Incidents and stuck processes reach the dashboard, each with its denial and a link into Cockpit. */
@OverturnIntegrationTest
class EngineHealthIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    EngineHealth health;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void incidentsAndStuckJobsAreListedWithLinksToCockpit() {
        String payer = "EH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        intake.ingest("engine.835", KnownRemittance.from(payer, "ENGINE HEALTH", payer, "20260302", "0")
                .claim("CLP*EH1*4*100*0**12", "CAS*CO*50*100", "SVC*HC:90834*100*0**1")
                .claim("CLP*EH2*4*100*0**12", "CAS*CO*50*100", "SVC*HC:90837*100*0**1")
                .bytes(), "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, payer, 2);
        String[] processes = jdbc.queryForList("""
                select dp.process_instance_id from denial_process dp join denial d on d.id = dp.denial_id and dp.kind = 'LIFECYCLE'
                 where d.payer_id = ? order by d.id
                """, String.class, payer).toArray(String[]::new);
        String denial = jdbc.queryForObject("select business_key_ from act_ru_execution where id_ = ?", String.class,
                processes[0]);
        String waitingAtTask = jdbc.queryForObject("select execution_id_ from act_ru_task where proc_inst_id_ = ?",
                String.class, processes[0]);
        runtime.createIncident("failedJob", waitingAtTask, "test", "Payer portal answered 503");
        // a job another node took and never finished: due an hour ago, locked by a node that is gone
        jdbc.update("""
                update act_ru_job set lock_owner_ = 'gone-node', lock_exp_time_ = ?, duedate_ = ?
                 where process_instance_id_ = ? and retries_ > 0
                """, Timestamp.from(Instant.now().plus(Duration.ofHours(1))),
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), processes[1]);

        EngineHealth.Health now = health.now();
        assertThat(now.incidents()).isPositive();
        assertThat(now.incidentList()).anySatisfy(p -> {
            assertThat(p.processInstanceId()).isEqualTo(processes[0]);
            assertThat(p.denialId()).isEqualTo(denial);
            assertThat(p.what()).isEqualTo("failedJob: Payer portal answered 503");
            assertThat(p.cockpitLink()).isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + processes[0]
                    + "/runtime");
        });
        assertThat(now.stuckList()).anySatisfy(p -> assertThat(p.processInstanceId()).isEqualTo(processes[1]));

        // the engine's own tools are the admin's: managers see the incident, not the way into Cockpit
        var page = WebClient.anonymous(port).as("manager").get("/dashboard");
        assertThat(page.body()).contains("Incidents and stuck processes", "Payer portal answered 503")
                .doesNotContain("/camunda/app/cockpit/default/#/process-instance/" + processes[0] + "/runtime");
        assertThat(WebClient.anonymous(port).as("admin").get("/dashboard").body())
                .contains("/camunda/app/cockpit/default/#/process-instance/" + processes[0] + "/runtime");
    }

    @Test
    void aManagerTriesAFailedJobAgainFromTheDashboard() {
        String payer = "EHR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        intake.ingest("engine-retry.835", KnownRemittance.from(payer, "ENGINE RETRY", payer, "20260302", "0")
                .claim("CLP*EHR1*4*100*0**12", "CAS*CO*50*100", "SVC*HC:90834*100*0**1").bytes(), "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, payer, 1);
        String job = jdbc.queryForObject("""
                select j.id_ from act_ru_job j join denial_process dp on dp.process_instance_id = j.process_instance_id_
                  join denial d on d.id = dp.denial_id where d.payer_id = ? limit 1
                """, String.class, payer);
        management.setJobRetries(job, 0);
        assertThat(health.now().incidentList()).anySatisfy(p -> assertThat(p.failedJobId()).isEqualTo(job));

        var biller = WebClient.anonymous(port).as("biller").post("/dashboard/incidents/" + job + "/retry", Map.of());
        assertThat(biller.statusCode()).isEqualTo(403);
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries()).isZero();

        var manager = WebClient.anonymous(port).as("manager").post("/dashboard/incidents/" + job + "/retry", Map.of());
        assertThat(manager.statusCode()).isEqualTo(302);
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().configuration(job).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'JOB_RETRIED' and record_id = ?",
                Long.class, job)).isEqualTo(1);
    }
}

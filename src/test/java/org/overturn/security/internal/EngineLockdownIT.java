package org.overturn.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.overturn.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The process engine behind the product's rules: its REST API for admins only, its authorization checks on, process
 * expressions limited to the beans the processes need, and every change made through it in the audit log.
 */
@OverturnIntegrationTest
class EngineLockdownIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    RemittanceIntake intake;

    @Test
    void theEnginesAuthorizationChecksAreOnWithTheAdminGroupsAsEngineAdmins() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.getAdminGroups()).contains(Roles.CAMUNDA_ADMIN, Roles.ADMIN);
    }

    @Test
    void aManagerCannotMakeHimselfAdminThroughTheEngineAndAnAdminsChangeIsAudited() {
        String path = rest() + "/group/" + Roles.PART2 + "/members/manager";

        var refused = rest.withBasicAuth("manager", "demo").exchange(path, HttpMethod.PUT, HttpEntity.EMPTY, String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId("manager").memberOfGroup(Roles.PART2).count())
                .isZero();

        String auditedBefore = String.valueOf(engineOperations());
        var done = rest.withBasicAuth("admin", "demo").exchange(rest() + "/group/" + Roles.PART2 + "/members/parity",
                HttpMethod.PUT, HttpEntity.EMPTY, String.class);
        try {
            assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
            assertThat(jdbc.queryForList("select detail from audit_event where action = 'ENGINE_OPERATION'"
                    + " and actor = 'admin' and id > ?", String.class, Long.parseLong(auditedBefore)))
                    .anySatisfy(d -> assertThat(d).startsWith("CreateMembershipCmd")
                            .contains("PUT " + rest() + "/group/part2/members/parity"));
        } finally {
            engine.getIdentityService().deleteMembership("parity", Roles.PART2);
        }
    }

    @Test
    void aDeploymentThroughTheRestApiIsForAdminsAndAudited() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("Process_LockdownProbe")
                .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        long before = engineOperations();

        assertThat(deploy("manager", bpmn)).isEqualTo(403);
        assertThat(deploy("biller", bpmn)).isEqualTo(403);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("Process_LockdownProbe").count()).isZero();
        assertThat(deploy("admin", bpmn)).isEqualTo(200);
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'ENGINE_OPERATION' and id > ?",
                String.class, before)).anySatisfy(d -> assertThat(d).startsWith("DeployCmd"));
    }

    @Test
    void anAdminsTaskAndJobChangesThroughTheRestApiAreAudited() {
        intake.ingest("lockdown-ops.835", KnownRemittance.from("LOCKOPS", "LOCKDOWN OPS", "LOCKOPS-1", "20260111", "0")
                .claim("CLP*LOCKOPS-1*4*150*0*0*12*ICN-O1", "CAS*CO*11*150", "SVC*HC:90837*150*0**1").bytes(),
                "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, "LOCKOPS", 1);
        String task = jdbc.queryForObject("""
                select t.id_ from act_ru_task t join denial_process dp on dp.process_instance_id = t.proc_inst_id_
                  join denial d on d.id = dp.denial_id where d.payer_id = 'LOCKOPS'
                """, String.class);
        String job = jdbc.queryForObject("""
                select j.id_ from act_ru_job j join denial_process dp on dp.process_instance_id = j.process_instance_id_
                  join denial d on d.id = dp.denial_id where d.payer_id = 'LOCKOPS' limit 1
                """, String.class);
        long before = engineOperations();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        assertThat(rest.withBasicAuth("manager", "demo").postForEntity(rest() + "/task/" + task + "/claim",
                new HttpEntity<>("{\"userId\":\"manager\"}", headers), String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.withBasicAuth("admin", "demo").postForEntity(rest() + "/task/" + task + "/claim",
                new HttpEntity<>("{\"userId\":\"admin\"}", headers), String.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(rest.withBasicAuth("admin", "demo").exchange(rest() + "/job/" + job + "/retries", HttpMethod.PUT,
                new HttpEntity<>("{\"retries\":3}", headers), String.class).getStatusCode().value()).isEqualTo(204);

        assertThat(jdbc.queryForList("select detail from audit_event where action = 'ENGINE_OPERATION' and actor ="
                + " 'admin' and id > ?", String.class, before))
                .anySatisfy(d -> assertThat(d).startsWith("ClaimTaskCmd").contains("/task/" + task + "/claim"))
                .anySatisfy(d -> assertThat(d).contains("/job/" + job + "/retries"));
    }

    @Test
    void aProcessModelCannotReachABeanOutsideTheProcessBeans() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("Process_BeanProbe").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_RunSql").camundaExpression("${jdbcTemplate.queryForList('select 1')}")
                .endEvent().done();
        String deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("bean-probe.bpmn", model).deploy().getId();
        try {
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("Process_BeanProbe"))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("jdbcTemplate");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void everyBeanTheModelsNameIsAProcessBean() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern expression = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            models.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).forEach(p -> {
                try {
                    Matcher m = expression.matcher(Files.readString(p));
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Set<String> beans = new TreeSet<>(named);
        beans.removeIf(name -> !context.containsBean(name));

        assertThat(beans).isNotEmpty();
        assertThat(EngineLockdown.PROCESS_BEANS).containsAll(beans);
        assertThat(EngineLockdown.PROCESS_BEANS).allSatisfy(name -> assertThat(context.containsBean(name)).isTrue());
    }

    @Test
    void tasksGetNoGrantRowsOfTheirOwn() {
        long grants = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);

        intake.ingest("lockdown.835", KnownRemittance.from("LOCKDOWN", "LOCKDOWN HEALTH", "LOCKDOWN-1", "20260110", "0")
                .claim("CLP*LOCK-1*4*150*0*0*12*ICN-L1", "CAS*CO*11*150", "SVC*HC:90837*150*0**1").bytes(),
                "UPLOAD", "test");
        KnownRemittance.awaitTasks(jdbc, "LOCKDOWN", 1);

        assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class)).isEqualTo(grants);
    }

    private String rest() {
        return "/engine-rest/engine/" + engine.getName();
    }

    private long engineOperations() {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        return max == null ? 0 : max;
    }

    private int deploy(String user, String bpmn) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "lockdown-probe");
        body.add("data", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "lockdown-probe.bpmn";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity(rest() + "/deployment/create",
                new HttpEntity<>(body, headers), JsonNode.class).getStatusCode().value();
    }
}

package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The process tests together pass every flow node of the lifecycle and of the parity escalation. camunda-process-test-coverage reports and
 * asserts per test class only (target/process-test-coverage/&lt;class&gt;/report.html); across the suite this
 * test reads what the engine's history recorded in the database all process tests share. It runs last, and
 * only when every process test class ran in this JVM (not when a single class is run by hand).
 */
@LifecycleProcessTest
@Order(Integer.MAX_VALUE)
class LifecycleCoverageIT {

    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @Test
    void processTestsPassEveryFlowNodeOfTheLifecycle() {
        assumeTrue(EngineTestSupport.classesRun().containsAll(otherProcessTestClasses()),
                "only meaningful after the whole process suite");
        Set<String> flowNodes = flowNodesOf(DenialLifecycle.PROCESS_KEY);

        assertThat(flowNodes).contains("Start_DenialDetected", "SubProcess_PayerActedMeanwhile", "End_Superseded");
        assertCovered(DenialLifecycle.PROCESS_KEY, flowNodes);
    }

    @Test
    void processTestsPassEveryFlowNodeOfTheParityEscalation() {
        assumeTrue(EngineTestSupport.classesRun().containsAll(otherProcessTestClasses()),
                "only meaningful after the whole process suite");
        Set<String> flowNodes = flowNodesOf(org.overturn.parity.ParityEscalation.PROCESS_KEY);

        assertThat(flowNodes).contains("Start_ParityConcern", "Timer_AnalysisOverdue", "End_ComplaintDecided");
        assertCovered(org.overturn.parity.ParityEscalation.PROCESS_KEY, flowNodes);
    }

    private Set<String> flowNodesOf(String processKey) {
        ProcessDefinition definition = definition(processKey);
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private void assertCovered(String processKey, Set<String> flowNodes) {
        Set<String> passed = history.createHistoricActivityInstanceQuery()
                .processDefinitionId(definition(processKey).getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        Set<String> missed = new TreeSet<>(flowNodes);
        missed.removeAll(passed);
        assertThat(missed).as("flow nodes of %s no process test passed (%d of %d covered)", processKey,
                flowNodes.size() - missed.size(), flowNodes.size()).isEmpty();
    }

    private ProcessDefinition definition(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    private Set<Class<?>> otherProcessTestClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(LifecycleProcessTest.class));
        Set<Class<?>> classes = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(getClass().getPackageName())) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader()));
        }
        classes.remove(getClass());
        return classes;
    }
}

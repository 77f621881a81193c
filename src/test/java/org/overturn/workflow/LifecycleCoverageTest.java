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
 * The process tests together pass every flow node of the lifecycle. camunda-process-test-coverage reports and
 * asserts per test class only (target/process-test-coverage/&lt;class&gt;/report.html); across the suite this
 * test reads what the engine's history recorded in the database all process tests share. It runs last, and
 * only when every process test class ran in this JVM (not when a single class is run by hand).
 */
@LifecycleProcessTest
@Order(Integer.MAX_VALUE)
class LifecycleCoverageTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @Test
    void processTestsPassEveryFlowNodeOfTheLifecycle() {
        assumeTrue(EngineTestSupport.classesRun().containsAll(otherProcessTestClasses()),
                "only meaningful after the whole process suite");
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(DenialLifecycle.PROCESS_KEY).latestVersion().singleResult();
        Set<String> flowNodes = repository.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> passed = history.createHistoricActivityInstanceQuery().processDefinitionId(definition.getId())
                .list().stream().map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());

        Set<String> missed = new TreeSet<>(flowNodes);
        missed.removeAll(passed);

        assertThat(flowNodes).contains("Start_DenialDetected", "SubProcess_PayerActedMeanwhile", "End_Superseded");
        assertThat(missed).as("flow nodes of %s no process test passed (%d of %d covered)",
                DenialLifecycle.PROCESS_KEY, flowNodes.size() - missed.size(), flowNodes.size()).isEmpty();
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

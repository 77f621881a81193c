package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.overturn.claimstatus.ClaimStatusFollowUps;
import org.overturn.parity.ParityEscalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The process tests together pass every flow node of the lifecycle, the parity escalation, the appeal deadline, the
 * urgent appeal, the authorization watch and the claim status follow-up.
 * camunda-process-test-coverage reports and asserts per test class only
 * (target/process-test-coverage/&lt;class&gt;/report.html); across classes this test reads what the engine's
 * history recorded in the database all process tests share (they share one Spring context).
 *
 * <p>It depends on no other test having run before it. When the history lacks a flow node, it has the process
 * test classes drive their paths first, through JUnit's own launcher in this JVM and on the same cached context:
 * those that have not run here yet, then, if something is still missing, those that ran before (perhaps only a
 * few of their methods), and only then judges. So it passes alone and anywhere in the suite. {@link Order} only
 * puts it last in a full run, where the others have already driven every path and it launches nothing; run
 * earlier, it costs one more pass over the process tests, never a wrong answer.
 */
@LifecycleProcessTest
@ExcludeFromProcessCoverage // its own report would be the last driven class's suite under another name
@Order(Integer.MAX_VALUE)
class LifecycleCoverageIT {

    private static final Logger log = LoggerFactory.getLogger(LifecycleCoverageIT.class);

    /** Process test classes this test launched itself (in this JVM): each is driven at most once. */
    private static final Set<Class<?>> DRIVEN = ConcurrentHashMap.newKeySet();
    /** What failed among the tests it launched: their own classes report it; here it explains a gap. */
    private static final StringBuffer DRIVEN_FAILURES = new StringBuffer();

    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @Test
    void processTestsPassEveryFlowNodeOfTheLifecycle() {
        Set<String> flowNodes = flowNodesOf(DenialLifecycle.PROCESS_KEY);

        assertThat(flowNodes).contains("Start_DenialDetected", "SubProcess_PayerActedMeanwhile", "End_Superseded");
        assertCovered(DenialLifecycle.PROCESS_KEY, flowNodes);
    }

    @Test
    void processTestsPassEveryFlowNodeOfTheParityEscalation() {
        Set<String> flowNodes = flowNodesOf(ParityEscalation.PROCESS_KEY);

        assertThat(flowNodes).contains("Start_ParityConcern", "Timer_AnalysisOverdue", "End_ComplaintDecided");
        assertCovered(ParityEscalation.PROCESS_KEY, flowNodes);
    }

    @Test
    void processTestsPassEveryFlowNodeOfTheAppealDeadline() {
        Set<String> flowNodes = flowNodesOf(AppealDeadlineWatch.PROCESS_KEY);

        assertThat(flowNodes).contains("Start_AppealLevelOpened", "Timer_DeadlinePassed", "End_DeadlineMissed");
        assertCovered(AppealDeadlineWatch.PROCESS_KEY, flowNodes);
    }

    @Test
    void processTestsPassEveryFlowNodeOfTheUrgentAppeal() {
        Set<String> flowNodes = flowNodesOf(UrgentAppealWatch.PROCESS_KEY);

        assertThat(flowNodes).contains("Start_OngoingCareDenied", "Timer_ExpeditedDecisionDue", "End_ExpeditedDecided");
        assertCovered(UrgentAppealWatch.PROCESS_KEY, flowNodes);
    }

    @Test
    void processTestsPassEveryFlowNodeOfTheAuthorizationWatch() {
        Set<String> flowNodes = flowNodesOf("authorization-watch");

        assertThat(flowNodes).contains("Start_DailyWatch", "Timer_AuthorizationRanOut", "End_PreventionWorked");
        assertCovered("authorization-watch", flowNodes);
    }

    @Test
    void processTestsPassEveryFlowNodeOfTheClaimStatusFollowUp() {
        Set<String> flowNodes = flowNodesOf(ClaimStatusFollowUps.PROCESS);

        assertThat(flowNodes).contains("Start_NoAnswer", "Timer_AskAgain", "Event_AnsweredWhileWaiting",
                "End_Escalated");
        assertCovered(ClaimStatusFollowUps.PROCESS, flowNodes);
    }

    private void assertCovered(String processKey, Set<String> flowNodes) {
        Set<String> missed = missed(processKey, flowNodes);
        if (!missed.isEmpty()) {
            Set<Class<?>> notRunYet = new LinkedHashSet<>(processTestClasses());
            notRunYet.removeAll(EngineTestSupport.classesRun());
            drive(notRunYet, processKey, missed);
            missed = missed(processKey, flowNodes);
        }
        if (!missed.isEmpty()) {
            drive(processTestClasses(), processKey, missed);
            missed = missed(processKey, flowNodes);
        }
        assertThat(missed).as("flow nodes of %s no process test passed (%d of %d covered)%s", processKey,
                flowNodes.size() - missed.size(), flowNodes.size(), DRIVEN_FAILURES.isEmpty() ? ""
                        : "; of the process tests run for this check these failed:" + DRIVEN_FAILURES).isEmpty();
    }

    private Set<String> flowNodesOf(String processKey) {
        return repository.getBpmnModelInstance(definition(processKey).getId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> missed(String processKey, Set<String> flowNodes) {
        Set<String> passed = history.createHistoricActivityInstanceQuery()
                .processDefinitionId(definition(processKey).getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        Set<String> missed = new TreeSet<>(flowNodes);
        missed.removeAll(passed);
        return missed;
    }

    private ProcessDefinition definition(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    /**
     * Runs the classes not driven here before, as JUnit would. A failure of theirs is logged, not this test's
     * verdict (their own classes fail in the suite); it only judges the flow nodes the paths passed.
     */
    private static void drive(Set<Class<?>> classes, String processKey, Set<String> missed) {
        List<Class<?>> toRun = classes.stream().filter(DRIVEN::add)
                .sorted(Comparator.comparing(Class::getName)).toList();
        if (toRun.isEmpty()) {
            return;
        }
        log.info("{} flow nodes of {} not passed yet ({}): running {} process test classes for them",
                missed.size(), processKey, missed, toRun.size());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(toRun.stream().map(c -> selectClass(c)).toList())
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        log.info("process test classes run for the coverage check: {} tests in {} classes, {} succeeded, {} failed",
                summary.getTestsStartedCount(), toRun.size(), summary.getTestsSucceededCount(),
                summary.getTotalFailureCount());
        if (summary.getTotalFailureCount() > 0) {
            StringWriter failures = new StringWriter();
            summary.printFailuresTo(new PrintWriter(failures), 20);
            DRIVEN_FAILURES.append(System.lineSeparator()).append(failures);
            log.warn("process tests run for the coverage check failed (their own classes report it):{}{}",
                    System.lineSeparator(), failures);
        }
    }

    /** Every process test class of this package and below but this one. */
    private static Set<Class<?>> processTestClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(LifecycleProcessTest.class));
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(LifecycleCoverageIT.class.getPackageName())) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    LifecycleCoverageIT.class.getClassLoader()));
        }
        classes.remove(LifecycleCoverageIT.class);
        return classes;
    }
}

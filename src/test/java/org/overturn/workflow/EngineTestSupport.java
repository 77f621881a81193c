package org.overturn.workflow;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Binds camunda-bpm-assert to the Spring context's engine, puts the engine clock back after each test, and
 * notes which process test classes ran in this JVM (for the suite's coverage check).
 */
class EngineTestSupport implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Set<Class<?>> RAN = ConcurrentHashMap.newKeySet();

    static Set<Class<?>> classesRun() {
        return Set.copyOf(RAN);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RAN.add(context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClockUtil.reset();
        BpmnAwareTests.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }
}

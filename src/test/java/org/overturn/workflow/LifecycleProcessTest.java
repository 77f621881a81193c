package org.overturn.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an embedded PostgreSQL with real delegates, the job executor off and flow-node
 * coverage recorded. Every process test class carries this annotation and nothing else that shapes the
 * context, so they all share one Spring context (one database: assert on what a test created).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles({"test", "process-test"})
@Import({ProcessEngineCoverageConfiguration.class, LifecycleScenario.class})
@ExtendWith(EngineTestSupport.class)
public @interface LifecycleProcessTest {
}

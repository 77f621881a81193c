package org.overturn.workflow.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnApplication;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The parity model calls workflow's beans only through the process kit, a named interface: what one model
 * shares with another is declared, not reached for in the other module's internals.
 */
class ProcessKitTest {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)");

    @Test
    void theParityModelCallsNoBeanOfAnotherModuleOutsideTheKit() throws IOException {
        Map<String, String> packageOfBean = beanPackages();
        Set<String> called = new TreeSet<>();
        Matcher matcher = BEAN_EXPRESSION.matcher(model("/bpmn/parity-escalation.bpmn"));
        while (matcher.find()) {
            if (packageOfBean.containsKey(matcher.group(1))) {
                called.add(matcher.group(1));
            }
        }

        assertThat(called).contains("escalateToManagers", "lifecyclePolicy", "recordConsent", "part2Disclosure");
        assertThat(called).allSatisfy(bean -> assertThat(packageOfBean.get(bean)).as(bean)
                .satisfiesAnyOf(p -> assertThat(p).startsWith("org.overturn.parity"),
                        p -> assertThat(p).isEqualTo(getClass().getPackageName())));
    }

    @Test
    void theKitIsANamedInterfaceOfTheWorkflowModule() {
        var workflow = ApplicationModules.of(OverturnApplication.class).getModuleByName("workflow").orElseThrow();

        assertThat(workflow.getNamedInterfaces().getByName("kit")).hasValueSatisfying(kit -> assertThat(
                kit.contains(EscalateToManagers.class) && kit.contains(LifecyclePolicy.class)
                        && kit.contains(RecordConsent.class) && kit.contains(Part2Disclosure.class)).isTrue());
    }

    private static String model(String resource) throws IOException {
        try (InputStream in = ProcessKitTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> beanPackages() {
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        var names = new AnnotationBeanNameGenerator();
        var registry = new SimpleBeanDefinitionRegistry();
        Map<String, String> packages = new HashMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.overturn")) {
            String className = bean.getBeanClassName();
            packages.put(names.generateBeanName(bean, registry), className.substring(0, className.lastIndexOf('.')));
        }
        return packages;
    }
}

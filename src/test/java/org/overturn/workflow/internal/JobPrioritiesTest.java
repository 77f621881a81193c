package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * Every asynchronous step of every process model goes before the timers that are due with it
 * ({@link JobAcquisitionOrder}): its job has priority 10, and nothing else sets one, so timers keep the default 0.
 */
class JobPrioritiesTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    @Test
    void everyAsynchronousStepHasPriorityTenAndNothingElseAPriority() throws IOException {
        List<String> wrong = new ArrayList<>();
        int asynchronous = 0;
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.getCamundaJobPriority() != null) {
                    wrong.add(file.getFileName() + ": process " + process.getId() + " sets a priority for all its jobs");
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                boolean async = "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncBefore"))
                        || "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncAfter"));
                String priority = node.getCamundaJobPriority();
                if (async) {
                    asynchronous++;
                    if (!"10".equals(priority)) {
                        wrong.add(file.getFileName() + ": " + node.getId() + " is asynchronous with priority " + priority);
                    }
                } else if (priority != null) {
                    wrong.add(file.getFileName() + ": " + node.getId() + " is not asynchronous but sets priority " + priority);
                }
            }
        }

        assertThat(asynchronous).as("asynchronous steps found").isGreaterThanOrEqualTo(11);
        assertThat(wrong).isEmpty();
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}

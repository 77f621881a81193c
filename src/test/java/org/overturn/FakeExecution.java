package org.overturn;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** A {@link DelegateExecution} whose variables live in a map the test can read back: for delegate unit tests. */
public final class FakeExecution {

    private FakeExecution() {
    }

    /** An execution of a process with this business key and no variables but those given. */
    public static DelegateExecution of(String businessKey, Map<String, ?> variables) {
        DelegateExecution execution = with(variables);
        lenient().when(execution.getProcessBusinessKey()).thenReturn(businessKey);
        return execution;
    }

    public static DelegateExecution with(Map<String, ?> variables) {
        Map<String, Object> values = new HashMap<>(variables);
        DelegateExecution execution = mock(DelegateExecution.class);
        lenient().when(execution.getVariable(anyString())).thenAnswer(call -> values.get(call.<String>getArgument(0)));
        lenient().when(execution.getVariables()).thenReturn(values);
        lenient().when(execution.hasVariable(anyString()))
                .thenAnswer(call -> values.containsKey(call.<String>getArgument(0)));
        lenient().when(execution.getVariableTyped(anyString())).thenAnswer(call -> values.containsKey(
                call.<String>getArgument(0)) ? Variables.untypedValue(values.get(call.<String>getArgument(0))) : null);
        lenient().when(execution.getProcessInstanceId()).thenReturn("process-1");
        // a typed value (a transient variable) reads back as its value, as from the engine
        lenient().doAnswer(call -> values.put(call.getArgument(0),
                        call.getArgument(1) instanceof TypedValue typed ? typed.getValue() : call.getArgument(1)))
                .when(execution).setVariable(anyString(), org.mockito.ArgumentMatchers.any());
        return execution;
    }
}

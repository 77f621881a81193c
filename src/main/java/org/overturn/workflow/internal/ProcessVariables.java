package org.overturn.workflow.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the lifecycle's variables, so delegates never cast raw objects. Public for the process kit. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static long longOf(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return number.longValue();
    }

    public static int intOf(VariableScope scope, String name, int fallback) {
        return scope.getVariable(name) instanceof Number number ? number.intValue() : fallback;
    }

    public static String stringOf(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static boolean isTrue(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }
}

package org.overturn.workflow.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the lifecycle's variables, so delegates never cast raw objects. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static long longOf(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return number.longValue();
    }

    static int intOf(VariableScope scope, String name, int fallback) {
        return scope.getVariable(name) instanceof Number number ? number.intValue() : fallback;
    }

    static String stringOf(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static boolean isTrue(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }
}

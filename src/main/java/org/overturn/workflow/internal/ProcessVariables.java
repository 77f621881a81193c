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

    /**
     * An amount of money. The engine has no decimal type, so amounts are kept as their exact decimal text ("180.00");
     * a number from a process started before that (a double) is read too. Null when the variable is not set.
     */
    public static java.math.BigDecimal moneyOf(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : new java.math.BigDecimal(value.toString()).setScale(2,
                java.math.RoundingMode.HALF_UP);
    }

    /** The exact text an amount is kept as in a process variable. */
    public static String money(java.math.BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public static boolean isTrue(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }
}

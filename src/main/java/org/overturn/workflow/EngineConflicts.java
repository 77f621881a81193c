package org.overturn.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Tells a failure that a fresh attempt resolves from a real one, for code that drives the engine inside its own
 * transaction (a file's intake starts and correlates processes while the job executor moves them): the engine's
 * optimistic lock, Spring's concurrency failures, a PostgreSQL deadlock or serialization failure (SQLSTATE
 * class 40) that the engine reports as a persistence exception when a correlation and a job end the same process
 * at once, and the engine's own stumble over an execution caught mid-move. Other modules ask here instead of
 * knowing the engine's exceptions.
 */
public final class EngineConflicts {

    private EngineConflicts() {
    }

    public static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) {
                return true;
            }
            // the engine reads an execution the job executor is moving at that instant and trips over its
            // half-changed state (seen as an NPE inside message correlation): a fresh attempt reads it whole
            if (cause instanceof NullPointerException npe && npe.getStackTrace().length > 0
                    && npe.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.impl.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

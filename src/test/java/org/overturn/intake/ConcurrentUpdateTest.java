package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/** Which failures of a file's transaction a fresh attempt can overcome. */
class ConcurrentUpdateTest {

    @Test
    void conflictsWithTheJobExecutorAreWorthAnotherAttempt() {
        assertThat(RemittanceIntake.concurrentUpdate(new OptimisticLockingException("moved on"))).isTrue();
        assertThat(RemittanceIntake.concurrentUpdate(new CannotAcquireLockException("lock"))).isTrue();
        var deadlock = new BatchUpdateException("Batch entry 1 delete from ACT_RU_EXECUTION was aborted", "40P01",
                new int[0], new SQLException("ERROR: deadlock detected", "40P01"));
        assertThat(RemittanceIntake.concurrentUpdate(new ProcessEnginePersistenceException("persistence layer", 
                new RuntimeException("flushing", deadlock)))).isTrue();
        assertThat(RemittanceIntake.concurrentUpdate(new RuntimeException(new SQLException("serialization", "40001"))))
                .isTrue();
    }

    @Test
    void theEnginesStumbleOverAnExecutionCaughtMidMoveIsToo() {
        var npe = new NullPointerException("activity is null");
        npe.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl", "executeActivity", "x.java", 1)});
        var ours = new NullPointerException("our bug");
        ours.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.overturn.intake.RemittanceIntake", "store", "RemittanceIntake.java", 1)});

        assertThat(RemittanceIntake.concurrentUpdate(npe)).isTrue();
        assertThat(RemittanceIntake.concurrentUpdate(ours)).isFalse();
    }

    @Test
    void realFailuresAreNot() {
        assertThat(RemittanceIntake.concurrentUpdate(new IllegalStateException("bug"))).isFalse();
        assertThat(RemittanceIntake.concurrentUpdate(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(RemittanceIntake.concurrentUpdate(new ProcessEnginePersistenceException("persistence layer", 
                new RuntimeException(new SQLException("disk full", "53100"))))).isFalse();
    }
}

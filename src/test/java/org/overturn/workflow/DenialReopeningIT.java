package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.Denials;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new task reopens a denial that waited on the payer, whether or not the transaction creating the task already
 * holds that denial, and without losing what that transaction changed on it.
 */
@LifecycleProcessTest
class DenialReopeningIT {

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    Denials denials;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aWaitingDenialTheTransactionHasNotReadIsReopened() {
        long id = waitingDenial(DenialStatus.CORRECTION_SUBMITTED);

        transactions.executeWithoutResult(status -> denials.reopenIfWaiting(id));

        assertThat(scenario.status(id)).isEqualTo("OPEN");
    }

    @Test
    void aWaitingDenialTheTransactionReadIsReopened() {
        long id = waitingDenial(DenialStatus.APPEALED);

        transactions.executeWithoutResult(status -> {
            assertThat(denials.find(id).orElseThrow().status()).isEqualTo(DenialStatus.APPEALED);
            denials.reopenIfWaiting(id);
            assertThat(denials.find(id).orElseThrow().status()).isEqualTo(DenialStatus.OPEN);
        });

        assertThat(scenario.status(id)).isEqualTo("OPEN");
    }

    @Test
    void whatTheTransactionChangedBeforeIsKept() {
        long id = waitingDenial(DenialStatus.OPEN);

        transactions.executeWithoutResult(status -> {
            denials.moveTo(id, DenialStatus.APPEALED);
            denials.enterAppealLevel(id, 2);
            denials.reopenIfWaiting(id);
        });

        assertThat(scenario.status(id)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select appeal_level from denial where id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void aDenialThatIsNotWaitingStaysAsItIs() {
        long open = waitingDenial(DenialStatus.OPEN);
        long closed = waitingDenial(DenialStatus.WRITTEN_OFF);

        transactions.executeWithoutResult(status -> {
            denials.reopenIfWaiting(open);
            denials.reopenIfWaiting(closed);
        });
        transactions.executeWithoutResult(status -> {
            denials.find(closed);
            denials.reopenIfWaiting(closed);
        });

        assertThat(scenario.status(open)).isEqualTo("OPEN");
        assertThat(scenario.status(closed)).isEqualTo("WRITTEN_OFF");
    }

    private long waitingDenial(DenialStatus status) {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "16", "180.00"));
        jdbc.update("update denial set status = ? where id = ?", status.name(), denial.id());
        return denial.id();
    }
}

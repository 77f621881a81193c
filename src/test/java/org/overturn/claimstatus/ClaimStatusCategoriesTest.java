package org.overturn.claimstatus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overturn.claimstatus.ClaimStatusCategories.Action;

class ClaimStatusCategoriesTest {

    private final ClaimStatusCategories table = ClaimStatusCategories.shipped();

    @Test
    void finalizedPaymentClosesAsPaidAndDenialAsDenied() {
        assertThat(table.actionOf("F1")).isEqualTo(Action.PAID);
        assertThat(table.actionOf("F2")).isEqualTo(Action.DENIED);
        assertThat(table.actionOf("F4")).isEqualTo(Action.DENIED);
        assertThat(table.actionOf("F0")).isEqualTo(Action.FINALIZED);
    }

    @Test
    void pendingAndTransientErrorsWaitToAskAgain() {
        for (String category : new String[] {"P0", "P1", "P2", "P3", "P4", "P5", "E1", "E2"}) {
            assertThat(table.actionOf(category)).as(category).isEqualTo(Action.PENDING);
        }
    }

    @Test
    void notFoundRejectedAndRequestErrorsAskForResubmission() {
        for (String category : new String[] {"A3", "A4", "A6", "A7", "A8", "E0", "E3", "E4"}) {
            assertThat(table.actionOf(category)).as(category).isEqualTo(Action.NOT_ON_FILE);
        }
    }

    @Test
    void acknowledgementsRequestsAndUnknownCodesDecideNothing() {
        assertThat(table.actionOf("A2")).isEqualTo(Action.NONE);
        assertThat(table.actionOf("R4")).isEqualTo(Action.NONE);
        assertThat(table.actionOf("Z9")).isEqualTo(Action.NONE);
        assertThat(table.actionOf(null)).isEqualTo(Action.NONE);
    }
}

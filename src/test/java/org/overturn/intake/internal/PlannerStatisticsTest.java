package org.overturn.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlannerStatisticsTest {

    @Test
    @DisplayName("a file of 500 denials or more refreshes the statistics while it brings a tenth of those on file")
    void refreshesWhileAFileBringsATenthOfTheDenialsOnFile() {
        assertThat(PlannerStatistics.outgrows(500, -1)).as("never analyzed").isTrue();
        assertThat(PlannerStatistics.outgrows(500, 0)).isTrue();
        assertThat(PlannerStatistics.outgrows(50_000, 50_000)).isTrue();
        assertThat(PlannerStatistics.outgrows(50_000, 500_000)).isTrue();
        assertThat(PlannerStatistics.outgrows(50_000, 500_001)).as("the 11th such file").isFalse();
        assertThat(PlannerStatistics.outgrows(50_000, 1_000_000)).isFalse();
        assertThat(PlannerStatistics.outgrows(499, -1)).as("a small file changes no plan").isFalse();
        assertThat(PlannerStatistics.outgrows(499, 0)).isFalse();
    }
}

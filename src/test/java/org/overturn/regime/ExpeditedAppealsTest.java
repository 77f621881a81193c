package org.overturn.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpeditedAppealsTest {

    private final ExpeditedAppeals shipped = new ExpeditedAppeals();

    @Test
    void theShippedTableGivesSeventyTwoHoursWhereAFederalRuleDoesWithItsSource() {
        assertThat(shipped.rule(AppealRegime.MEDICARE_ADVANTAGE, 1).orElseThrow().source()).contains("422.584", "422.590");
        assertThat(shipped.rule(AppealRegime.MEDICAID_MANAGED_CARE, 1).orElseThrow().source()).contains("438.410");
        assertThat(shipped.rule(AppealRegime.ERISA, 1).orElseThrow().source()).contains("2560.503-1");
        assertThat(shipped.rule(AppealRegime.ERISA, 2).orElseThrow().source()).contains("147.136");
        assertThat(shipped.all()).allSatisfy(r -> {
            assertThat(r.decisionTime()).isEqualTo(Duration.ofHours(72));
            assertThat(r.source()).contains("http");
            assertThat(r.checked()).isEqualTo(2026);
        });
    }

    @Test
    void regimesWithoutAnExpeditedRuleHaveNone() {
        assertThat(shipped.rule(AppealRegime.MEDICARE_AB, 1)).isEmpty();
        assertThat(shipped.rule(AppealRegime.MEDICAID_FFS, 1)).isEmpty();
        assertThat(shipped.rule(AppealRegime.PROVIDER_DISPUTE, 1)).isEmpty();
        assertThat(shipped.rule(AppealRegime.MEDICARE_ADVANTAGE, 2)).as("the IRE gets it from the plan").isEmpty();
    }

    @Test
    void refusesARowWithoutASourceOrWithANonsenseTime() {
        assertThatThrownBy(() -> ExpeditedAppeals.read(new StringReader(
                "regime,level,decision_time,source,checked\nERISA,1,PT72H,,2026\n")))
                .hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> ExpeditedAppeals.read(new StringReader(
                "regime,level,decision_time,source,checked\nERISA,1,72 hours,29 CFR 2560.503-1,2026\n")))
                .hasMessageStartingWith("line 2:");
    }
}

package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayerProfileTest {

    static PayerProfile withLimits(int first, Integer second, Integer third) {
        return new PayerProfile("87726", "UNITED HEALTHCARE", PlanType.COMMERCIAL, null, first, second, third, 90,
                null, null, null, null, null, null, null, false);
    }

    @Test
    void eachLevelHasItsOwnLimit() {
        var profile = withLimits(180, 60, 45);

        assertThat(profile.appealLimitDays(1)).isEqualTo(180);
        assertThat(profile.appealLimitDays(2)).isEqualTo(60);
        assertThat(profile.appealLimitDays(3)).isEqualTo(45);
    }

    @Test
    void aLevelWithoutALimitTakesTheFirstLevels() {
        var profile = withLimits(180, null, 45);

        assertThat(profile.appealLimitDays(2)).isEqualTo(180);
        assertThat(withLimits(120, 60, null).appealLimitDays(3)).isEqualTo(120);
        assertThat(profile.appealLimitDays(4)).isEqualTo(180);
    }

    @Test
    void refusesLevelZero() {
        assertThatThrownBy(() -> withLimits(180, null, null).appealLimitDays(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

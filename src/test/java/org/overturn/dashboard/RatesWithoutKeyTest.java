package org.overturn.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rate without key (a remittance without payment date has no week) sorts last instead of failing the page. */
class RatesWithoutKeyTest {

    @Test
    void aRateWithoutKeyTiedWithAnotherSortsLast() {
        var keyless = Kpis.rate(null, 1, 1, new BigDecimal("150.00"), new BigDecimal("150.00"));
        var keyed = Kpis.rate("1234567893", 1, 1, new BigDecimal("150.00"), new BigDecimal("150.00"));
        var bigger = Kpis.rate("1111111111", 1, 1, new BigDecimal("300.00"), new BigDecimal("300.00"));

        assertThat(List.of(keyless, keyed, bigger).stream().sorted(Kpis.MOST_DENIED).toList())
                .containsExactly(bigger, keyed, keyless);
        assertThat(List.of(keyless, keyed).stream().sorted(Kpis.BY_KEY).toList()).containsExactly(keyed, keyless);
    }
}

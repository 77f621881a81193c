package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The level of care of the denied codes, from the shared code sets (codeset module), most intensive first. */
class LevelOfCareTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "90837, OUTPATIENT",
            "S0201, PARTIAL_HOSPITALIZATION",
            "H0035 90853, PARTIAL_HOSPITALIZATION",
            "0913, PARTIAL_HOSPITALIZATION",
            "S9480, INTENSIVE_OUTPATIENT",
            "H2036, INTENSIVE_OUTPATIENT",
            "S9475, INTENSIVE_OUTPATIENT",
            "0906, INTENSIVE_OUTPATIENT",
            "1002, RESIDENTIAL",
            "H0019 S9480, RESIDENTIAL",
            "0126, WITHDRAWAL_MANAGEMENT",
            "99223, INPATIENT"})
    void readsTheLevelOfCareFromTheSharedCodeSets(String codes, LevelOfCare expected) {
        assertThat(LevelOfCare.of(List.of(codes.split(" ")))).isEqualTo(expected);
    }
}

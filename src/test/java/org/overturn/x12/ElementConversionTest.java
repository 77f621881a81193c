package org.overturn.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The X12 decimal (R) and date (DT) types, read by hand for speed. */
class ElementConversionTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"12,12", "-42.58,-42.58", ".28,0.28", "0,0", "150.00,150.00", "-0,0", "7.,7",
            "1234567890123456789012.5,1234567890123456789012.5"})
    void readsX12Decimals(String text, String expected) {
        BigDecimal value = X12Number.parse(text.toCharArray(), 0, text.length());

        assertThat(value).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @ValueSource(strings = {"", "-", ".", "1.2.3", "12a", "1,000", "1e5", "+5", "--1", " 1"})
    void refusesWhatIsNotAnX12Decimal(String text) {
        assertThat(X12Number.parse(text.toCharArray(), 0, text.length())).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"20240315,2024-03-15", "20240229,2024-02-29", "20001231,2000-12-31", "19960930,1996-09-30"})
    void readsCcyymmddDates(String text, LocalDate expected) {
        assertThat(X12Date.parse(text.toCharArray(), 0, text.length())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is not a date")
    @ValueSource(strings = {"20230229", "20240230", "20240431", "20240001", "20241301", "20240100", "240315",
            "2024-03-15", "202403151", "2024031a"})
    void refusesWhatIsNotACcyymmddDate(String text) {
        assertThat(X12Date.parse(text.toCharArray(), 0, text.length())).isNull();
    }
}

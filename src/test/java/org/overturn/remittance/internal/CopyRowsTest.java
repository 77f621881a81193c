package org.overturn.remittance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesEachTypeAsCopyTextReadsIt() {
        var rows = new CopyRows("t", "a, b, c, d, e, f, g", 1);

        rows.row(7L, 3, new BigDecimal("1E+2"), new BigDecimal("12.50"), LocalDate.of(2026, 2, 1), true, null);

        assertThat(rows.text()).isEqualTo("7\t3\t100\t12.50\t2026-02-01\tt\t\\N\n");
        assertThat(rows.rows()).isEqualTo(1);
    }

    @Test
    void escapesTheCharactersCopyGivesAMeaningTo() {
        var rows = new CopyRows("t", "a, b", 2);

        rows.row("back\\slash\ttab", "\\N").row("line\nbreak\rreturn", "");

        assertThat(rows.text()).isEqualTo("back\\\\slash\\ttab\t\\\\N\nline\\nbreak\\rreturn\t\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void writesOtherCharactersAsUtf8AndStillEscapesAfterThem() {
        var rows = new CopyRows("t", "a", 1);

        rows.row("MUÑOZ\\Ω\t😀");

        assertThat(rows.text()).isEqualTo("MUÑOZ\\\\Ω\\t😀\n");
    }

    @Test
    void refusesARowOfTheWrongWidthAndAValueOfAnotherType() {
        var rows = new CopyRows("t", "a, b", 1);

        assertThatThrownBy(() -> rows.row("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rows.row(1.5d, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

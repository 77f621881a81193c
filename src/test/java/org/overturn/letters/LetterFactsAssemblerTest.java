package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the facts a letter prints are worded: paragraphs, appeal levels, money and ZIP codes. */
class LetterFactsAssemblerTest {

    @Test
    void theBillersArgumentIsSplitIntoParagraphsAtBlankLines() {
        assertThat(LetterFactsAssembler.paragraphs("First point.\r\n\r\n  Second point\nstill second.\n \n"))
                .containsExactly("First point.", "Second point\nstill second.");
        assertThat(LetterFactsAssembler.paragraphs("   ")).isEmpty();
        assertThat(LetterFactsAssembler.paragraphs(null)).isEmpty();
    }

    @Test
    void levelsAmountsAndZipCodesReadAsOnPaper() {
        assertThat(LetterFactsAssembler.levelName(1)).isEqualTo("First-level appeal");
        assertThat(LetterFactsAssembler.levelName(3)).isEqualTo("Third-level appeal (external review)");
        assertThat(LetterFactsAssembler.money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
        assertThat(LetterFactsAssembler.money(null)).isEqualTo("$0.00");
        assertThat(LetterFactsAssembler.zip("171057700")).isEqualTo("17105-7700");
        assertThat(LetterFactsAssembler.zip("02108")).isEqualTo("02108");
        assertThat(LetterFactsAssembler.zip("02108-1234")).isEqualTo("02108-1234");
    }
}

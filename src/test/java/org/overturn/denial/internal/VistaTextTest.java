package org.overturn.denial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VistaTextTest {

    @Test
    void repairsPossessives() {
        assertThat(VistaText.fixApostrophes("inconsistent with the patient\"s age")).isEqualTo("inconsistent with the patient's age");
        assertThat(VistaText.fixApostrophes("Workers\" Compensation claim")).isEqualTo("Workers' Compensation claim");
        assertThat(VistaText.fixApostrophes("Workers\" Compensation and Workers\" Compensation"))
                .isEqualTo("Workers' Compensation and Workers' Compensation");
    }

    @Test
    void keepsQuotations() {
        assertThat(VistaText.fixApostrophes("not deemed a \"medical necessity\" by the payer"))
                .isEqualTo("not deemed a \"medical necessity\" by the payer");
        assertThat(VistaText.fixApostrophes("the \"from\" and \"to\" dates")).isEqualTo("the \"from\" and \"to\" dates");
        assertThat(VistaText.fixApostrophes("under group \"PR\".")).isEqualTo("under group \"PR\".");
        assertThat(VistaText.fixApostrophes(null)).isNull();
    }
}

package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReasonCodeListTest {

    private static final ReasonCodeList SHIPPED = ReasonCodeList.shipped();

    @Test
    void knowsTheRemarkCodesAddedSince2016() {
        ReasonCodeList codes = ReasonCodeList.shipped();

        assertThat(codes.describeRarc("N776")).isEqualTo("This service is not a covered Telehealth service.");
        assertThat(codes.describeRarc("N731")).isEqualTo("Incomplete/Invalid mental health assessment.");
        assertThat(codes.rarc("N885")).get().extracting(ReasonCode::active).isEqualTo(true);
        assertThat(codes.describeRarc("N886")).isEqualTo(ReasonCodeList.UNKNOWN);
    }

    @Test
    void looksUpCarcWithItsWordingAndDates() {
        assertThat(SHIPPED.carc("197")).hasValueSatisfying(c -> {
            assertThat(c.code()).isEqualTo("197");
            assertThat(c.description()).isEqualTo("Precertification/authorization/notification absent.");
            assertThat(c.startDate()).isNotNull();
            assertThat(c.stopDate()).isNull();
            assertThat(c.active()).isTrue();
        });
    }

    @Test
    void keepsDeactivatedCodesWithTheirStopDate() {
        assertThat(SHIPPED.carc("17")).hasValueSatisfying(c -> {
            assertThat(c.active()).isFalse();
            assertThat(c.stopDate()).isEqualTo(LocalDate.of(2009, 7, 1));
        });
        assertThat(SHIPPED.carc("A2")).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
    }

    @Test
    void treatsCodesMissingFromTheLater2022ListAsDeactivated() {
        assertThat(SHIPPED.carc("15")).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
        assertThat(SHIPPED.carc("B5")).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
        assertThat(SHIPPED.carc("16")).hasValueSatisfying(c -> assertThat(c.active()).isTrue());
    }

    @Test
    void readsQuotedDescriptionsWithCommas() {
        assertThat(SHIPPED.describeCarc("4")).isEqualTo("The procedure code is inconsistent with the modifier used or a "
                + "required modifier is missing. Note: Refer to the 835 Healthcare Policy Identification Segment "
                + "(loop 2110 Service Payment Information REF), if present.");
    }

    @Test
    void looksUpRarcsIgnoringCaseAndSpaces() {
        assertThat(SHIPPED.rarc(" n54 ")).hasValueSatisfying(r -> assertThat(r.description())
                .isEqualTo("Claim information is inconsistent with pre-certified/authorized services."));
        assertThat(SHIPPED.describeRarc("N290")).isEqualTo("Missing/incomplete/invalid rendering provider primary identifier.");
    }

    @Test
    void describesAMissingCodeAsUnknownInsteadOfFailing() {
        assertThat(SHIPPED.carc("999")).isEmpty();
        assertThat(SHIPPED.describeCarc("999")).isEqualTo("unknown code");
        assertThat(SHIPPED.describeRarc("N9999")).isEqualTo("unknown code");
        assertThat(SHIPPED.describeCarc(null)).isEqualTo("unknown code");
        assertThat(SHIPPED.describeGroup("XX")).isEqualTo("unknown code");
    }

    @Test
    void turnsVistaDoubleQuotesBackIntoApostrophes() {
        assertThat(SHIPPED.describeCarc("6")).contains("the patient's age").doesNotContain("\"");
        assertThat(SHIPPED.describeCarc("18")).contains("state workers' compensation");
        assertThat(SHIPPED.describeCarc("B12")).isEqualTo("Services not documented in patients' medical records.");
        assertThat(SHIPPED.describeCarc("128")).isEqualTo("Newborn's services are covered in the mother's Allowance.");
        assertThat(SHIPPED.describeRarc("N116")).contains("home health agency's (HHA's) payment");
    }

    @Test
    void keepsRealQuotationMarks() {
        assertThat(SHIPPED.describeCarc("50")).contains("not deemed a \"medical necessity\" by the payer");
        assertThat(SHIPPED.describeCarc("189")).startsWith("\"Not otherwise classified\" or \"unlisted\" procedure code");
        assertThat(SHIPPED.describeCarc("P13")).contains("workers' compensation").contains("REF qualifier \"IG\")");
    }

    @Test
    void leavesNoVistaApostropheBehindInAnyCarc() {
        assertThat(SHIPPED.carcs()).hasSizeGreaterThan(400)
                .allSatisfy(c -> assertThat(c.description()).doesNotContainPattern("\\p{L}\"s\\b"));
    }

    @Test
    void describesGroupsStatusesAndProviderAdjustments() {
        assertThat(SHIPPED.describeGroup("CO")).isEqualTo("Contractual Obligations");
        assertThat(SHIPPED.describeGroup("CR")).isEqualTo("Correction and Reversals");
        assertThat(SHIPPED.describeClaimStatus("22")).isEqualTo("Reversal of Previous Payment");
        assertThat(SHIPPED.describeProviderAdjustment("L6")).isNotEqualTo("unknown code");
    }

    @Test
    void laysANewerX12ListOverTheShippedOne() {
        String x12 = """
                Code,Description,Start Date,Last Modified,Stop Date
                16,"Claim/service lacks information or has submission/billing error(s). Usage: Refer to the ""Note"".",01/01/1995,03/01/2024,
                306,"Type of bill, new code",11/1/2024,,
                39,Services denied at the time authorization/pre-certification was requested.,01/01/1995,,01/01/2020
                """;
        ReasonCodeList newer = SHIPPED.withNewerCarcs(new StringReader(x12));

        assertThat(newer.describeCarc("16")).isEqualTo("Claim/service lacks information or has submission/billing "
                + "error(s). Usage: Refer to the \"Note\".");
        assertThat(newer.carc("306")).hasValueSatisfying(c -> {
            assertThat(c.description()).isEqualTo("Type of bill, new code");
            assertThat(c.startDate()).isEqualTo(LocalDate.of(2024, 11, 1));
            assertThat(c.active()).isTrue();
        });
        assertThat(newer.carc("39")).hasValueSatisfying(c -> {
            assertThat(c.stopDate()).isEqualTo(LocalDate.of(2020, 1, 1));
            assertThat(c.active()).isFalse();
        });
        assertThat(newer.describeCarc("197")).isEqualTo(SHIPPED.describeCarc("197"));
        assertThat(SHIPPED.carc("306")).as("the shipped list is not changed").isEmpty();
    }

    @Test
    void readsANewerListWithMissingColumnsInAnyOrder() {
        String x12 = "Description,Code\r\n\"Alert: new remark, with comma\",N999\r\n";
        ReasonCodeList newer = SHIPPED.withNewerRarcs(new StringReader(x12));

        assertThat(newer.rarc("N999")).hasValueSatisfying(r -> {
            assertThat(r.description()).isEqualTo("Alert: new remark, with comma");
            assertThat(r.startDate()).isNull();
            assertThat(r.active()).isTrue();
        });
    }

    @Test
    void rejectsANewerListWithoutACodeColumn() {
        assertThatThrownBy(() -> SHIPPED.withNewerCarcs(new StringReader("Description\nfoo\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code column");
    }
}

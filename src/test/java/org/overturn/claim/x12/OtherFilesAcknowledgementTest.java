package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overturn.x12.MalformedX12Exception;

/** Files that are not 999s or 277CAs are refused, with a reason naming what they are. */
class OtherFilesAcknowledgementTest {

    private static final String NOT_AN_ACK = ", not a 999 (GS01 FA) or 277CA (GS01 HN)";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "linuxforhealth__x222a2-example12-out-of-network-gt-components.837",
            "oopfactory__masked-tx-medicaid-5-claims-missing-entity-code.837",
            "oopfactory__st1309-bom-lf-terminator-indented.837",
            "pyx12__4010-837i-cmh-encounter-replacement-freq7.837",
            "pyx12__4010-bad-elements-pos95-freq8.837",
            "pyx12__4010-cmh-h2015-prior-auth-2-claims.837",
            "staedi__backtick-repetition-lf-terminator-00402.837",
            "stupidedi__x222-example3b-cob-prose-header.837",
            "stupidedi__x222a1-example1-commercial-one-line.837",
            "stupidedi__x223a2-two-claims-same-provider-one-line.837",
            "tigershark__4010-837i-psych-inpatient-truncated-interchange.837"})
    @DisplayName("a real 837 is refused at its GS as an 837")
    void refusesAReal837(String name) {
        MalformedX12Exception e = AckSamples.rejection(name);

        assertThat(e).hasMessage("segment 2 (GS): functional group GS01 'HC' is an 837 health care claim"
                + NOT_AN_ACK);
    }

    @Test
    @DisplayName("stupidedi fail/4 837: its GS01 XX is named as sent")
    void refusesTheInvalid837ByItsFunctionalId() {
        assertThat(AckSamples.rejection("stupidedi__x222-fail-4-msp-with-error-list.837"))
                .hasMessage("segment 2 (GS): functional group GS01 'XX' is not a 999 (GS01 FA) or 277CA (GS01 HN)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "imsweb__bad-first-line-isa-105-chars.837",
            "imsweb__different-separators-tilde-caret-underscore.837",
            "imsweb__segment-errors.837",
            "imsweb__three-gs-in-one-isa.837",
            "imsweb__x223a2-malformed-trailing-spaces.837"})
    @DisplayName("the imsweb 837s stop at the shared ISA check before the GS: ISA11 'U' under version 00501")
    void refusesTheImsweb837sAtTheirIsa(String name) {
        assertThat(AckSamples.rejection(name)).hasMessage("segment 1 (ISA): bad ISA: ISA11 'U' cannot be a "
                + "repetition separator (required from version 00402 on)");
    }

    @Test
    void refusesAFileWithoutIsa() {
        assertThat(AckSamples.rejection("imsweb__no-isa-starts-at-gs.837"))
                .hasMessage("segment 1 (GS): no ISA interchange header");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "linuxforhealth__managed-care.835",
            "oopfactory__5010-example1-behavioral-health-reversals.835",
            "stupidedi__x221-case1-plus-delimited-prose-header.835",
            "tastypackets__profee-one-line.835",
            "pyx12__835_simple_4010.835"})
    @DisplayName("a real 835 is refused at its GS as an 835")
    void refusesAReal835(String name) {
        MalformedX12Exception e = AckSamples.rejection("/samples/835/real/" + name);

        assertThat(e).hasMessage("segment 2 (GS): functional group GS01 'HP' is an 835 health care claim "
                + "payment/advice" + NOT_AN_ACK);
    }

    @Test
    void refusesTextThatIsNotX12() {
        assertThat(AckSamples.rejectionOfText("Your claims were received.\nThank you.\n"))
                .hasMessage("segment 1 (?): no ISA interchange header");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(AckSamples.rejectionOfText("")).hasMessage("segment 1 (?): no ISA interchange header");
    }

    @Test
    @DisplayName("a 270 eligibility inquiry group is named")
    void refusesAnEligibilityInquiry() {
        String text = AckText.create().interchange("000000001").group("HS", "P", "20261201", "1", "005010X279A1")
                .transaction("270", "0001").closeAll().text();

        assertThat(AckSamples.rejectionOfText(text)).hasMessage("segment 2 (GS): functional group GS01 'HS' is a 270 "
                + "eligibility inquiry" + NOT_AN_ACK);
    }

    @Test
    @DisplayName("a segment between groups is refused where it stands")
    void refusesASegmentOutsideATransactionSet() {
        String text = AckText.create().interchange("000000001").raw("AK1*HC*1").endInterchange().text();

        assertThat(AckSamples.rejectionOfText(text))
                .hasMessage("segment 2 (AK1): AK1 outside any transaction set (no open ST..SE)");
    }
}

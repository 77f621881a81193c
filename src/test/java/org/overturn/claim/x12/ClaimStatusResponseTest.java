package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.claim.StatusResponseParser;
import org.overturn.x12.MalformedX12Exception;

/** The 277 claim status responses (005010X212) of samples/x12/real, read; broken or other files refused. */
class ClaimStatusResponseTest {

    private final StatusResponseParser parser = StatusResponseParser.standard();

    @Test
    void readsEachClaimOfTheLinuxForHealthResponseWithItsTraceAndStatus() throws MalformedX12Exception {
        List<ClaimStatusResponse> claims = parser.parse(
                AckSamples.bytes("linuxforhealth__277-claim-level-status.277"));

        assertThat(claims).extracting(ClaimStatusResponse::trace, ClaimStatusResponse::category,
                        ClaimStatusResponse::status, ClaimStatusResponse::patientControlNumber,
                        ClaimStatusResponse::payerClaimControlNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ABCXYZ1", "P3", "317", "SM123456", "05347006051"),
                        org.assertj.core.groups.Tuple.tuple("ABCXYZ2", "F0", "3", "J0234567", "0529675341"),
                        org.assertj.core.groups.Tuple.tuple("ABCXYC3", "F2", "88", "MA345678", "051681010827"));
        ClaimStatusResponse second = claims.get(1);
        assertThat(second.payerId()).isEqualTo("12345");
        assertThat(second.billedAmount()).isEqualByComparingTo("7599.00");
        assertThat(second.paidAmount()).isEqualByComparingTo("7599.00");
        assertThat(second.statusDate()).isEqualTo(LocalDate.of(2005, 9, 15));
        assertThat(second.serviceFrom()).isEqualTo(LocalDate.of(2005, 7, 31));
        assertThat(second.serviceTo()).isEqualTo(LocalDate.of(2005, 8, 9));
        ClaimStatusResponse dependent = claims.get(2);
        assertThat(dependent.entity()).as("the claim-level STC, not the SVC line's").isEqualTo("QC");
        assertThat(dependent.paidAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(dependent.serviceFrom()).as("the line's DTP is not the claim's").isNull();
    }

    @Test
    void readsTheStupidediResponseDespiteCrlfAndAWrongIea02() throws MalformedX12Exception {
        List<ClaimStatusResponse> claims = parser.parse(AckSamples.bytes("stupidedi__x212-277-crlf.277"));

        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.trace()).isEqualTo("56565656");
            assertThat(c.category()).isEqualTo("P5");
            assertThat(c.patientControlNumber()).isEqualTo("567812");
            assertThat(c.billedAmount()).isEqualByComparingTo("211");
            assertThat(c.serviceFrom()).isEqualTo(LocalDate.of(2019, 6, 1));
        });
    }

    @Test
    void refusesA277caAsAnAcknowledgementNotAStatusResponse() {
        MalformedX12Exception e = refusal(AckSamples.bytes("imsweb__277ca-accepted-emedny.277"));

        assertThat(e.getMessage()).startsWith("segment 2 (GS): a 277CA claim acknowledgement (GS08 005010X214)");
    }

    @Test
    void refusesAClaimWithoutItsStatusNamingTheSegment() {
        String broken = new String(AckSamples.bytes("linuxforhealth__277-claim-level-status.277"),
                StandardCharsets.US_ASCII).replace("STC*F0:3*20050915**7599.00*7599.00~", "");

        MalformedX12Exception e = refusal(broken.getBytes(StandardCharsets.US_ASCII));

        assertThat(e).hasMessage("segment 26 (HL): the claim whose TRN*2 is segment 21 has no claim-level STC "
                + "(its status) before this HL");
    }

    private MalformedX12Exception refusal(byte[] content) {
        return catchThrowableOfType(MalformedX12Exception.class, () -> parser.parse(content));
    }
}

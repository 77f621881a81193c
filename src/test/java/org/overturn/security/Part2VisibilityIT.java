package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.IntakeResult;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A substance-use (42 CFR Part 2) denial is shown only to users allowed to see Part 2 records. */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Part2VisibilityIT {

    static final String SUD_DENIAL = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *260105*1200*^*00501*000000777*0*P*:~"
            + "GS*HP*PAYER*CLINIC*20260105*1200*777*X*005010X221A1~ST*835*0001~"
            + "BPR*H*0*C*NON************20260105~TRN*1*PART2-TRACE-1*1234567890~"
            + "N1*PR*STATE MEDICAID~REF*2U*MCD77~N1*PE*RIVERBEND BH*XX*1234567893~LX*1~"
            + "CLP*SUD-PCN-1*4*420*0*0*MC*ICN-SUD-1~NM1*QC*1*RIVERA*MARISOL****MI*MCD123456~"
            + "SVC*HC:H0015:HF*420*0**1~DTM*472*20251220~CAS*CO*197*420~LQ*HE*N54~"
            + "SE*14*0001~GE*1*777~IEA*1*000000777~";

    @Autowired
    RemittanceIntake intake;
    @Autowired
    TestRestTemplate rest;
    long remittanceId;
    long denialId;

    @BeforeAll
    void ingestSubstanceUseDenial() {
        IntakeResult result = intake.ingest("sud.835", SUD_DENIAL.getBytes(), "UPLOAD", "sud-biller");
        assertThat(result.denials()).isEqualTo(1);
        remittanceId = result.remittances().get(0).remittanceId();
        long claimId = as("admin").getForObject("/api/remittances/" + remittanceId, JsonNode.class)
                .at("/claims/0/id").asLong();
        for (JsonNode d : as("admin").getForObject("/api/denials?payer=MCD77", JsonNode.class).get("content")) {
            if (d.get("claimPaymentId").asLong() == claimId) {
                denialId = d.get("id").asLong();
            }
        }
        assertThat(denialId).isPositive();
    }

    @Test
    void partTwoUserSeesTheWholeDenial() {
        JsonNode denial = as("sud-biller").getForObject("/api/denials/" + denialId, JsonNode.class);

        assertThat(denial.get("part2").asBoolean()).isTrue();
        assertThat(denial.get("patientControlNumber").asText()).isEqualTo("SUD-PCN-1");
        assertThat(denial.get("rootCause").asText()).isEqualTo("AUTHORIZATION");
    }

    @Test
    void otherUsersSeeARedactedRowAndCannotOpenIt() {
        JsonNode row = null;
        for (JsonNode d : as("biller").getForObject("/api/denials?queue=authorizations&from=2026-01-05&to=2026-01-05",
                JsonNode.class).get("content")) {
            if (d.get("id").asLong() == denialId) {
                row = d;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("patientControlNumber").isNull()).isTrue();
        assertThat(row.get("payerName").isNull()).isTrue();
        assertThat(row.get("explanation").asText()).contains("42 CFR Part 2");
        assertThat(as("biller").getForEntity("/api/denials/" + denialId, JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("manager").getForEntity("/api/denials/" + denialId, JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void aFilterOnThePayerDoesNotTellOtherUsersThatAPart2RecordIsThere() {
        assertThat(as("biller").getForObject("/api/denials?payer=MCD77", JsonNode.class).get("content")
                .findValues("id").stream().map(JsonNode::asLong)).doesNotContain(denialId);
    }

    @Test
    void remittanceShowsTheClaimRedactedToOtherUsers() {
        JsonNode claim = as("biller").getForObject("/api/remittances/" + remittanceId, JsonNode.class).at("/claims/0");
        JsonNode full = as("sud-biller").getForObject("/api/remittances/" + remittanceId, JsonNode.class).at("/claims/0");

        assertThat(claim.get("patientName").asText()).contains("Restricted");
        assertThat(claim.get("memberId").isNull()).isTrue();
        assertThat(claim.get("lines")).isEmpty();
        assertThat(full.get("patientName").asText()).isEqualTo("RIVERA, MARISOL");
        assertThat(full.at("/lines/0/procedure").asText()).isEqualTo("H0015");
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }
}

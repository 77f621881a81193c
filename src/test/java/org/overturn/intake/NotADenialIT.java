package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Capitated services (CLP02 4 with CO-24 only) and predeterminations (CLP02 25) are stored and shown on their
 * remittance, raise no denial and no process, and the dashboard counts them apart (DESIGN section 3, issue 17).
 */
@OverturnIntegrationTest
class NotADenialIT {

    private static final String NEBRASKA = "oopfactory__deidentified-nebraska-medicaid-3-interchanges.835";
    private static final String DASHBOARD = "/api/dashboard?from=2012-02-01&to=2012-02-01&payer=XXXXXXXX XXXXXXXX";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void capitatedClaimsOfTheNebraskaSampleAreShownOnTheRemittanceAndCountedApart() {
        TestRestTemplate rest = anonymous.withBasicAuth("admin", "demo");
        JsonNode before = rest.getForObject(DASHBOARD, JsonNode.class).get("dashboard").get("notDenials");

        JsonNode answer = upload(rest, "nebraska.835", eachPaymentItsOwnTrace(Samples.real(NEBRASKA)));

        List<JsonNode> claims = new ArrayList<>();
        assertThat(answer.get("remittances")).hasSize(3);
        answer.get("remittances").forEach(r -> rest.getForObject("/api/remittances/" + r.get("remittanceId").asLong(),
                JsonNode.class).get("claims").forEach(claims::add));
        assertThat(claims).hasSize(56);
        List<JsonNode> capitated = claims.stream()
                .filter(c -> "CAPITATED".equals(c.path("notADenial").asText(null))).toList();
        assertThat(capitated).hasSize(12).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("4");
            assertThat(denialsOf(c.get("id").asLong())).isZero();
        });
        assertThat(claims).filteredOn(c -> "ROUTINE_ADJUSTMENTS".equals(c.path("notADenial").asText(null))).hasSize(1);
        assertThat(claims).filteredOn(c -> "1".equals(c.get("status").asText()))
                .allSatisfy(c -> assertThat(c.get("notADenial").isNull()).isTrue());

        JsonNode after = rest.getForObject(DASHBOARD, JsonNode.class).get("dashboard").get("notDenials");
        assertThat(after.get("capitated").asLong() - before.get("capitated").asLong()).isEqualTo(12);
        assertThat(after.get("routineOnly").asLong() - before.get("routineOnly").asLong()).isEqualTo(1);
        assertThat(answer.get("denials").asInt()).isEqualTo(claims.stream()
                .mapToLong(c -> denialsOf(c.get("id").asLong())).sum());
        assertThat(answer.get("denials").asInt()).isEqualTo(9);
    }

    @Test
    void aPredeterminationIsStoredWithoutADenialAndCountedApart() {
        TestRestTemplate rest = anonymous.withBasicAuth("admin", "demo");
        String payer = "PRE" + System.nanoTime();
        String dashboard = "/api/dashboard?payer=" + payer;

        JsonNode answer = upload(rest, "predetermination.835", org.overturn.KnownRemittance
                .from(payer, "PREDETERMINATION PLAN", payer + "-T", "20260302", "0")
                .claim("CLP*PD1*25*1200*0**12", "CAS*CO*197*1200", "SVC*HC:H0035*1200*0**4", "DTM*472*20260220")
                .bytes());

        assertThat(answer.get("denials").asInt()).isZero();
        JsonNode claim = rest.getForObject("/api/remittances/" + answer.get("remittances").get(0)
                .get("remittanceId").asLong(), JsonNode.class).get("claims").get(0);
        assertThat(claim.get("notADenial").asText()).isEqualTo("PREDETERMINATION");
        JsonNode figures = rest.getForObject(dashboard, JsonNode.class).get("dashboard").get("notDenials");
        assertThat(figures.get("predeterminations").asLong()).isEqualTo(1);
        assertThat(figures.get("predeterminationsCharged").decimalValue()).isEqualByComparingTo("1200");
        assertThat(figures.get("capitated").asLong()).isZero();

        long remittanceId = answer.get("remittances").get(0).get("remittanceId").asLong();
        var page = org.overturn.WebClient.anonymous(port).as("biller").get("/remittances/" + remittanceId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"claim-" + claim.get("id").asLong() + "\"", "PD1",
                "Predetermination: not a denial", "CO-197");
        assertThat(org.overturn.WebClient.anonymous(port).as("parity").get("/remittances/" + remittanceId)
                .statusCode()).as("a parity specialist reads no remittance").isEqualTo(403);
    }

    /** The sample's three payments share one trace number (it is de-identified): each gets its own. */
    private static byte[] eachPaymentItsOwnTrace(byte[] sample) {
        String text = new String(sample, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        int from = 0;
        int payment = 0;
        for (int at = text.indexOf("TRN*1*999999999"); at >= 0; at = text.indexOf("TRN*1*999999999", at + 1)) {
            int end = at + "TRN*1*999999999".length();
            out.append(text, from, end).append("-NAD").append(++payment).append(System.nanoTime());
            from = end;
        }
        out.append(text.substring(from));
        return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private long denialsOf(long claimPaymentId) {
        return jdbc.queryForObject("select count(*) from denial where claim_payment_id = ?", Long.class, claimPaymentId);
    }

    private static JsonNode upload(TestRestTemplate rest, String name, byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity("/api/remittances", new HttpEntity<>(body, headers), JsonNode.class).getBody();
    }
}

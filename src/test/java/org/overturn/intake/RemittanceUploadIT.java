package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

@OverturnIntegrationTest
class RemittanceUploadIT {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    TestRestTemplate rest;

    @BeforeEach
    void signIn() {
        rest = anonymous.withBasicAuth("admin", "demo");
    }

    @Test
    void storesRealRemittanceAndDetectsItsDenials() {
        // NY Medicaid: claim 1 paid in full, claim 2 denied whole for timely filing (line CO-29 12 + 22),
        // claim 3 partly paid (line CO-251 2.75 + 20)
        var response = upload("profee.835", Samples.retraced("tastypackets__profee.835", "-U1"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("outcome").asText()).isEqualTo("STORED");
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        assertThat(body.get("transactions").asInt()).isEqualTo(1);
        assertThat(body.get("claims").asInt()).isEqualTo(3);
        assertThat(body.get("denials").asInt()).isEqualTo(2);
        assertThat(body.get("amountAtRisk").decimalValue()).isEqualByComparingTo("56.75");
        JsonNode remittance = body.get("remittances").get(0);
        assertThat(remittance.get("payerName").asText()).isEqualTo("NYSDOH");
        assertThat(remittance.get("paymentAmount").decimalValue()).isEqualByComparingTo("45.75");
        assertThat(remittance.get("balanced").asBoolean()).isTrue();

        long remittanceId = remittance.get("remittanceId").asLong();
        JsonNode detail = rest.getForObject("/api/remittances/" + remittanceId, JsonNode.class);
        JsonNode claims = detail.get("claims");
        assertThat(claims).hasSize(3);
        assertThat(claims.get(1).get("status").asText()).isEqualTo("2");
        assertThat(claims.get(1).get("lines").get(1).get("procedure").asText()).isEqualTo("V2103");
        assertThat(claims.get(1).get("lines").get(1).get("adjustments").get(0).get("reason").asText()).isEqualTo("29");
        assertThat(claims.get(2).get("lines").get(2).get("remarks").get(0).asText()).isEqualTo("N206");

        List<Long> claimIds = new ArrayList<>();
        claims.forEach(c -> claimIds.add(c.get("id").asLong()));
        JsonNode denials = rest.getForObject("/api/denials?payer=NYSDOH&size=500", JsonNode.class).get("content");
        List<JsonNode> ours = new ArrayList<>();
        denials.forEach(d -> {
            if (claimIds.contains(d.get("claimPaymentId").asLong())) {
                ours.add(d);
            }
        });
        assertThat(ours).hasSize(2);
        JsonNode timely = ours.stream().filter(d -> d.get("kind").asText().equals("FULL")).findFirst().orElseThrow();
        assertThat(timely.get("primaryReason").asText()).isEqualTo("29");
        assertThat(timely.get("rootCause").asText()).isEqualTo("TIMELY_FILING");
        assertThat(timely.get("queue").asText()).isEqualTo("appeals");
        assertThat(timely.get("amountAtRisk").decimalValue()).isEqualByComparingTo("34.00");
        JsonNode partial = ours.stream().filter(d -> d.get("kind").asText().equals("PARTIAL")).findFirst().orElseThrow();
        assertThat(partial.get("primaryReason").asText()).isEqualTo("251");
        assertThat(partial.get("amountAtRisk").decimalValue()).isEqualByComparingTo("22.75");
    }

    @Test
    void sameFileTwiceCreatesNothingTwice() {
        byte[] file = Samples.retraced("pyx12__835_mult_loops.835", "-U2");
        var first = upload("mult-loops.835", file);
        long filesBefore = count("remittance_file");
        long claimsBefore = count("claim_payment");
        long denialsBefore = count("denial");

        var second = upload("mult-loops-again.835", file);

        assertThat(first.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(first.getBody().get("denials").asInt()).isEqualTo(1);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("duplicate").asBoolean()).isTrue();
        assertThat(second.getBody().get("fileId").asLong()).isEqualTo(first.getBody().get("fileId").asLong());
        assertThat(count("remittance_file")).isEqualTo(filesBefore);
        assertThat(count("claim_payment")).isEqualTo(claimsBefore);
        assertThat(count("denial")).isEqualTo(denialsBefore);
    }

    @Test
    void samePaymentInAnotherLayoutIsADuplicateToo() {
        // the one-line and the newline-terminated copies carry the same payment (payer + trace) as profee.835
        var first = upload("profee.835", Samples.retraced("tastypackets__profee.835", "-U3"));
        long claimsBefore = count("claim_payment");

        var second = upload("profee-one-line.835", Samples.retraced("tastypackets__profee-one-line.835", "-U3"));

        assertThat(first.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("duplicate").asBoolean()).isTrue();
        assertThat(second.getBody().get("duplicateTransactions").asInt()).isEqualTo(1);
        assertThat(count("claim_payment")).isEqualTo(claimsBefore);
    }

    @Test
    void rejectsMalformedFileWith422AndKeepsItInQuarantine() {
        long remittancesBefore = count("remittance");
        byte[] garbage = "this is a spreadsheet, not an 835".getBytes();

        var response = upload("not-an-835.txt", garbage);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String error = response.getBody().get("error").asText();
        assertThat(error).startsWith("not-an-835.txt: segment ").contains("(");
        long quarantineId = response.getBody().get("quarantineId").asLong();
        byte[] kept = rest.getForObject("/api/quarantine/" + quarantineId + "/content", byte[].class);
        assertThat(kept).isEqualTo(garbage);
        assertThat(count("remittance")).isEqualTo(remittancesBefore);
        String stored = jdbc.queryForObject("select error from quarantined_file where id = ?", String.class,
                quarantineId);
        assertThat(stored).isEqualTo(error);
    }

    @Test
    void rejectsRealFileWithWrongSegmentCountNamingTheSegment() {
        long claimsBefore = count("claim_payment");

        var response = upload("fail-3b.835", Samples.real("stupidedi__fail-3b.835"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("error").asText()).matches("fail-3b\\.835: segment \\d+ \\([A-Z0-9]{2,3}\\): .+");
        assertThat(count("claim_payment")).isEqualTo(claimsBefore);
    }

    @Test
    void acceptsRealFileWithWrongInterchangeControlNumberAndShowsTheWarning() {
        // Nevada Medicaid: IEA02 100000301 closes ISA13 100000300; three payments, whole
        var response = upload("nevada.835", Samples.retraced("affect-therapeutics__nevada-medicaid-3-st-plb-only.835",
                "-U10"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("outcome").asText()).isEqualTo("STORED");
        assertThat(body.get("transactions").asInt()).isEqualTo(3);
        assertThat(body.get("unreadable")).isEmpty();
        String warning = "IEA02 '100000301' does not match ISA13 '100000300'";
        for (JsonNode remittance : body.get("remittances")) {
            assertThat(remittance.get("envelopeWarnings")).extracting(JsonNode::asText).containsExactly(warning);
            assertThat(remittance.get("balanced").asBoolean()).as("money balance only").isTrue();
            assertThat(remittance.get("balanceProblems")).isEmpty();
        }

        long remittanceId = body.get("remittances").get(0).get("remittanceId").asLong();
        JsonNode detail = rest.getForObject("/api/remittances/" + remittanceId, JsonNode.class);
        assertThat(detail.get("envelopeWarnings")).extracting(JsonNode::asText).containsExactly(warning);
        assertThat(detail.get("balanceProblems")).isEmpty();
        assertThat(detail.at("/remittance/balanced").asBoolean()).isTrue();
        // the declared view has the new column too
        assertThat(jdbc.queryForObject("select array_to_string(envelope_warnings, '|') from remittance_report "
                + "where id = ?", String.class, remittanceId)).isEqualTo(warning);
    }

    @Test
    void aFileWithoutEnvelopeWarningsShowsNone() {
        var response = upload("mult-loops-clean.835", Samples.retraced("pyx12__835_mult_loops.835", "-U11"));

        JsonNode remittance = response.getBody().get("remittances").get(0);
        assertThat(remittance.get("envelopeWarnings")).isEmpty();
        assertThat(rest.getForObject("/api/remittances/" + remittance.get("remittanceId").asLong(), JsonNode.class)
                .get("envelopeWarnings")).isEmpty();
    }

    @Test
    void linksReversalToThePaymentItTakesBack() {
        byte[] original = ("ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *260101*1200*^*00501*000000901*0*P*:~"
                + "GS*HP*PAYER*CLINIC*20260101*1200*901*X*005010X221A1~ST*835*0001~"
                + "BPR*I*100*C*ACH*CCP*01*111*DA*33*1234567890**01*111*DA*22*20260101~TRN*1*REV-ORIG-1*1234567890~"
                + "N1*PR*ACME HEALTH~REF*2U*ACME01~N1*PE*CLINIC*XX*1234567893~LX*1~"
                + "CLP*PCN-REV-1*1*150*100*0*12*ICN-REV-1~CAS*CO*45*50~NM1*QC*1*DOE*JANE****MI*M1~"
                + "SVC*HC:90837*150*100**1~DTM*472*20251215~"
                + "SE*13*0001~GE*1*901~IEA*1*000000901~").getBytes();
        byte[] reversal = ("ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *260201*1200*^*00501*000000902*0*P*:~"
                + "GS*HP*PAYER*CLINIC*20260201*1200*902*X*005010X221A1~ST*835*0001~"
                + "BPR*H*0*C*NON************20260201~TRN*1*REV-TAKE-1*1234567890~"
                + "N1*PR*ACME HEALTH~REF*2U*ACME01~N1*PE*CLINIC*XX*1234567893~LX*1~"
                + "CLP*PCN-REV-1*22*-150*-100*0*12*ICN-REV-1~CAS*CO*45*-50~NM1*QC*1*DOE*JANE****MI*M1~"
                + "SVC*HC:90837*-150*-100**-1~DTM*472*20251215~"
                + "SE*13*0001~GE*1*902~IEA*1*000000902~").getBytes();

        var first = upload("original.835", original);
        var second = upload("reversal.835", reversal);

        assertThat(first.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(second.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(second.getBody().get("denials").asInt()).isZero();
        JsonNode originalClaim = rest.getForObject("/api/remittances/"
                + first.getBody().get("remittances").get(0).get("remittanceId").asLong(), JsonNode.class)
                .get("claims").get(0);
        JsonNode reversalClaim = rest.getForObject("/api/remittances/"
                + second.getBody().get("remittances").get(0).get("remittanceId").asLong(), JsonNode.class)
                .get("claims").get(0);
        assertThat(reversalClaim.get("reversesClaimPaymentId").asLong()).isEqualTo(originalClaim.get("id").asLong());
        assertThat(reversalClaim.get("charge").decimalValue()).isEqualByComparingTo(new BigDecimal("-150"));
    }

    @Test
    void refusesFilesThatAreNotTextWithoutKeepingThem() {
        long quarantined = count("quarantined_file");

        var pdf = upload("remit.pdf", "%PDF-1.7 binary".getBytes());

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(pdf.getBody().get("error").asText()).contains("remit.pdf");
        assertThat(count("quarantined_file")).isEqualTo(quarantined);
    }

    @Test
    void takesOneFileAtATime() {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", named("a.835", Samples.retraced("pyx12__835_mult_loops.835", "-U8")));
        body.add("file", named("b.835", Samples.retraced("pyx12__835_mult_loops.835", "-U9")));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        var response = rest.postForEntity("/api/remittances", new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static ByteArrayResource named(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity("/api/remittances", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}

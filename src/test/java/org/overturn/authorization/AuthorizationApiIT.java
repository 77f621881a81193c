package org.overturn.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
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

/**
 * The register's API: the DESIGN section 3 shape, who may keep it, Part 2 records kept from users without Part 2
 * access, and imports that store every row or none.
 */
@OverturnIntegrationTest
class AuthorizationApiIT {

    static final String PAYER = "AUTH-API-PLAN";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPostedAuthorizationComesBackWithItsRecordAndIsListedForItsMember() {
        var created = post("biller", body("AA-M1", "AA-1", List.of("90837", "90834"), 12));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode record = created.getBody();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/authorizations/" + record.get("id").asLong());
        assertThat(record.get("number").asText()).isEqualTo("AA-1");
        assertThat(record.get("payerId").asText()).isEqualTo(PAYER);
        assertThat(record.get("procedures")).extracting(JsonNode::asText).containsExactly("90837", "90834");
        assertThat(record.get("from").asText()).isEqualTo("2026-03-01");
        assertThat(record.get("status").asText()).isEqualTo("APPROVED");
        assertThat(record.get("source").asText()).isEqualTo("API");
        assertThat(record.get("unitsUsed").decimalValue()).isZero();
        assertThat(record.get("unitsLeft").decimalValue()).isEqualByComparingTo("12");

        JsonNode listed = rest("manager").getForObject("/api/authorizations?memberId=AA-M1", JsonNode.class);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("unitsUsed").decimalValue()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AUTHORIZATION_CHANGED' "
                + "and record_id = ?", Integer.class, record.get("id").asText())).isEqualTo(1);
    }

    @Test
    void aBadAuthorizationIsRefusedFieldByFieldAndTheSameNumberTwiceToo() {
        Map<String, Object> bad = body(" ", "AA-2", List.of("908.37"), 4);
        bad.put("to", "2026-01-01");
        bad.put("renderingNpi", "123");
        var refused = post("biller", bad);
        post("biller", body("AA-M2", "AA-2", List.of("90837"), 4));
        var twice = post("biller", body("AA-M2", "AA-2", List.of("90837"), 4));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("fields").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("memberId", "procedures", "to", "renderingNpi");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody().at("/fields/number").asText()).contains("already on file");
    }

    @Test
    void onlyTheAuthorizationsQueueManagersAndAdminsKeepTheRegister() {
        assertThat(post("parity", body("AA-M3", "AA-3", List.of("90837"), 4)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest("parity").getForEntity("/api/authorizations?memberId=AA-M3", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("manager", body("AA-M3", "AA-3", List.of("90837"), 4)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(rest("admin").getForEntity("/api/authorizations?memberId=AA-M3", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/api/authorizations?memberId=AA-M3", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSubstanceUseAuthorizationIsSeenAndKeptOnlyWithPart2Access() {
        Map<String, Object> iop = body("AA-M4", "AA-SUD-1", List.of("H0015"), 20);

        assertThat(post("biller", iop).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var created = post("sud-biller", iop);
        post("biller", body("AA-M4", "AA-MH-1", List.of("90837"), 4));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("part2").asBoolean()).isTrue();
        long id = created.getBody().get("id").asLong();
        assertThat(rest("biller").getForObject("/api/authorizations?memberId=AA-M4", JsonNode.class))
                .extracting(n -> n.get("number").asText()).containsExactly("AA-MH-1");
        assertThat(rest("sud-biller").getForObject("/api/authorizations?memberId=AA-M4", JsonNode.class))
                .extracting(n -> n.get("number").asText()).containsExactlyInAnyOrder("AA-MH-1", "AA-SUD-1");
        assertThat(rest("biller").getForEntity("/api/authorizations/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest("manager").getForEntity("/api/authorizations/" + id, String.class).getStatusCode())
                .as("a manager without Part 2 access").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anImportWithOneBadRowStoresNothingAndAGoodOneCreatesAndReplaces() {
        post("biller", body("AA-M5", "AA-IMP-1", List.of("90837"), 4));
        String header = "Payer id,Member id,Authorization number,Services (codes),Approved,From,To\n";

        var refused = upload("biller", "auths.csv", header
                + PAYER + ",AA-M5,AA-IMP-1,90837,10,2026-03-01,2026-06-30\n"
                + PAYER + ",AA-M5,AA-IMP-2,90837,many,2026-03-01,2026-06-30\n");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems").findValuesAsText("text"))
                .containsExactly("row 3 \"Approved\": not a number");
        assertThat(units("AA-IMP-1")).as("not replaced").isEqualTo("4");
        assertThat(count("AA-IMP-2")).isZero();

        var imported = upload("biller", "auths.csv", header
                + PAYER + ",AA-M5,AA-IMP-1,90837,10,2026-03-01,2026-06-30\n"
                + PAYER + ",AA-M5,AA-IMP-2,90834,6,2026-03-01,2026-06-30\n");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(1);
        assertThat(imported.getBody().get("updated").asInt()).isEqualTo(1);
        assertThat(units("AA-IMP-1")).isEqualTo("10");
        assertThat(jdbc.queryForObject("select source from prior_authorization where number = 'AA-IMP-2'",
                String.class)).isEqualTo("IMPORT");

        assertThat(upload("parity", "auths.csv", header).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theImportTemplateIsAWorkbookWithTheRegistersColumns() throws Exception {
        var template = rest("biller").getForEntity("/api/authorizations/template.xlsx", byte[].class);

        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(template.getBody()))) {
            var header = workbook.getSheet("Authorizations").getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Payer id");
            assertThat(header.getLastCellNum()).isEqualTo((short) AuthorizationField.values().length);
        }
    }

    private String units(String number) {
        return jdbc.queryForObject("select units_approved::int::text from prior_authorization where number = ?",
                String.class, number);
    }

    private int count(String number) {
        return jdbc.queryForObject("select count(*) from prior_authorization where number = ?", Integer.class, number);
    }

    static Map<String, Object> body(String member, String number, List<String> procedures, int units) {
        Map<String, Object> body = new HashMap<>();
        body.put("payerId", PAYER);
        body.put("memberId", member);
        body.put("number", number);
        body.put("levelOfCare", "OUTPATIENT");
        body.put("procedures", procedures);
        body.put("unitsApproved", units);
        body.put("from", "2026-03-01");
        body.put("to", "2026-06-30");
        return body;
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
        return rest(user).postForEntity("/api/authorizations?practiceId=" + org.overturn.TestPractices.first(jdbc), body,
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String user, String name, String content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest(user).postForEntity("/api/authorizations/import?practiceId=" + org.overturn.TestPractices.first(jdbc),
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private TestRestTemplate rest(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }
}

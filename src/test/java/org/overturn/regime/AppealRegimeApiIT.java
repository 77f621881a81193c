package org.overturn.regime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The regime table as the billing lead reads it and an admin replaces it without a release; the recipient directory
 * and its import.
 */
@OverturnIntegrationTest
class AppealRegimeApiIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AppealRegimes regimes;
    @Autowired
    AppealRecipients recipients;

    @Test
    void everyoneSignedInReadsTheTableWithItsSourcesAndOnlyAnAdminLoadsANewerOne() throws Exception {
        JsonNode table = rest.withBasicAuth("biller", "demo").getForObject("/api/appeal-regimes", JsonNode.class);
        JsonNode alj = null;
        for (JsonNode level : table.get("levels")) {
            assertThat(level.get("source").asText()).isNotBlank();
            if (level.get("regime").asText().equals("MEDICARE_AB") && level.get("level").asInt() == 3) {
                alj = level;
            }
        }
        assertThat(alj).isNotNull();
        assertThat(alj.get("aicFloor").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(alj.get("aicYear").asInt()).isEqualTo(2026);

        String shipped = new ClassPathResource(AppealRegimes.SHIPPED).getContentAsString(StandardCharsets.UTF_8);
        String newer = shipped.replace("MEDICARE_AB,3,ALJ hearing,", "MEDICARE_AB,3,ALJ hearing (OMHA),")
                .replace("200.00,2026,", "210.00,2027,");
        assertThat(upload("manager", "/api/appeal-regimes", newer).getStatusCode().value()).isEqualTo(403);
        var refused = upload("admin", "/api/appeal-regimes", newer.replace(",P180D,", ",six months,"));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(regimes.level(AppealRegime.MEDICARE_AB, 3).orElseThrow().levelName()).isEqualTo("ALJ hearing");
        try {
            var loaded = upload("admin", "/api/appeal-regimes", newer);

            assertThat(loaded.getStatusCode().value()).isEqualTo(200);
            assertThat(loaded.getBody().get("version").isNumber()).as(String.valueOf(loaded.getBody().get("version")) + loaded.getBody().get("source") + loaded.getBody().get("loadedAt"))
                    .isTrue();
            assertThat(loaded.getBody().get("source").asText()).isEqualTo("uploaded appeal-regimes.csv");
            RegimeLevel inForce = regimes.level(AppealRegime.MEDICARE_AB, 3).orElseThrow();
            assertThat(inForce.levelName()).isEqualTo("ALJ hearing (OMHA)");
            assertThat(inForce.aicFloor()).isEqualByComparingTo("210.00");
            assertThat(inForce.aicYear()).isEqualTo(2027);
        } finally {
            // other tests share this database: the shipped table is in force again
            regimes.load(shipped, "shipped, reloaded by a test", "test");
        }
        assertThat(regimes.level(AppealRegime.MEDICARE_AB, 3).orElseThrow().levelName()).isEqualTo("ALJ hearing");
    }

    @Test
    void managersImportTheRecipientDirectoryPerStateOrForEveryState() {
        String csv = """
                kind,state,name,email,address,phone,source
                COUNCIL,,Medicare Appeals Council,,"Departmental Appeals Board, Washington, DC",,DAB site
                STATE_FAIR_HEARING,WY,Wyoming Office of Administrative Hearings,,"2020 Carey Ave, Cheyenne, WY",,state site
                STATE_FAIR_HEARING,NE,Nebraska fair hearings,hearings@example.gov,,,test
                """;
        assertThat(upload("biller", "/api/appeal-recipients", csv).getStatusCode().value()).isEqualTo(403);
        assertThat(upload("manager", "/api/appeal-recipients", csv.replace(",WY,", ",Wyoming,"))
                .getStatusCode().value()).isEqualTo(422);

        var stored = upload("manager", "/api/appeal-recipients", csv);

        assertThat(stored.getStatusCode().value()).isEqualTo(200);
        assertThat(stored.getBody().get("stored").asInt()).isEqualTo(3);
        assertThat(recipients.find(RecipientKind.STATE_FAIR_HEARING, "WY").orElseThrow().name())
                .isEqualTo("Wyoming Office of Administrative Hearings");
        assertThat(recipients.find(RecipientKind.STATE_FAIR_HEARING, "NE").orElseThrow().label())
                .isEqualTo("Nebraska fair hearings (hearings@example.gov)");
        assertThat(recipients.find(RecipientKind.COUNCIL, "FL").orElseThrow().label())
                .isEqualTo("Medicare Appeals Council (Departmental Appeals Board, Washington, DC)");
        JsonNode listed = rest.withBasicAuth("biller", "demo").getForObject("/api/appeal-recipients", JsonNode.class);
        assertThat(listed.findValuesAsText("name")).contains("Medicare Appeals Council");
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String csv) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "appeal-regimes.csv";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

@OverturnIntegrationTest
class ReasonCodesIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void shippedListsAreLoadedIntoTheDatabase() {
        assertThat(jdbc.queryForObject("select count(*) from reason_code where list = 'CARC'", Long.class))
                .isGreaterThanOrEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from reason_code where list = 'RARC'", Long.class))
                .isGreaterThanOrEqualTo(1000);
        assertThat(jdbc.queryForObject("select description from reason_code where list = 'CARC' and code = '197'",
                String.class)).containsIgnoringCase("authorization");
    }

    @Test
    void explainsCodesAndSaysWhenOneIsUnknown() {
        JsonNode known = as("biller").getForObject("/api/reason-codes/rarc/N54", JsonNode.class);
        JsonNode unknown = as("biller").getForObject("/api/reason-codes/carc/Z999", JsonNode.class);

        assertThat(known.get("known").asBoolean()).isTrue();
        assertThat(known.get("description").asText()).isNotBlank();
        assertThat(unknown.get("known").asBoolean()).isFalse();
        assertThat(unknown.get("description").asText()).isEqualTo("unknown code");
    }

    @Test
    void adminLoadsANewerListWithoutARelease() {
        String newer = "Code,Description,Start Date,Last Modified,Stop Date\n"
                + "P31,\"Test code added by X12 after the shipped list.\",2026-03-01,2026-03-01,\n";

        var biller = upload("biller", newer);
        var admin = upload("admin", newer);

        assertThat(biller.getStatusCode().value()).isEqualTo(403);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(as("biller").getForObject("/api/reason-codes/carc/P31", JsonNode.class).get("description").asText())
                .isEqualTo("Test code added by X12 after the shipped list.");
        assertThat(jdbc.queryForObject("select source from reason_code where list = 'CARC' and code = 'P31'",
                String.class)).contains("carc-2026.csv");
    }

    @Test
    void aListLoadedThroughOneServerIsInForceOnAnotherOfTheSameDatabase() {
        var otherServer = new ReasonCodes(jdbc, java.time.Clock.systemUTC());
        otherServer.loadShippedListsIntoEmptyDatabase();
        assertThat(otherServer.current().carc("P32")).isEmpty();

        var admin = upload("admin", "Code,Description,Start Date,Last Modified,Stop Date\n"
                + "P32,\"Loaded through the first server.\",2026-03-01,2026-03-01,\n");

        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(otherServer.current().carc("P32")).map(ReasonCode::description)
                .contains("Loaded through the first server.");
    }

    private org.springframework.http.ResponseEntity<JsonNode> upload(String user, String csv) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv.getBytes()) {
            @Override
            public String getFilename() {
                return "carc-2026.csv";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/reason-codes/carc", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }
}

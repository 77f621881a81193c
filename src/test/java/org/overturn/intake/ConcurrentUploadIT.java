package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The same new file uploaded many times at once, or the same payment at once in two layouts: exactly one copy is
 * stored, and every other upload is told it is a duplicate (200), never a server error.
 */
@OverturnIntegrationTest
class ConcurrentUploadIT {

    static final int UPLOADS = 16;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    final ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theSameFileSixteenTimesAtOnceIsStoredOnce() throws Exception {
        byte[] file = remittance("RACE-ONE", "RACE-TRACE-1").getBytes(StandardCharsets.ISO_8859_1);

        List<ResponseEntity<JsonNode>> answers = uploadAtOnce(List.of(file), "race-one.835");

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> !a.getBody().get("duplicate").asBoolean())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from remittance where payer_id = 'RACE-ONE'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from denial where payer_id = 'RACE-ONE'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void theSamePaymentInTwoLayoutsAtOnceIsStoredOnce() throws Exception {
        String oneLine = remittance("RACE-TWO", "RACE-TRACE-2");
        byte[] segmentPerLine = oneLine.replace("~", "~\n").getBytes(StandardCharsets.ISO_8859_1);

        List<ResponseEntity<JsonNode>> answers = uploadAtOnce(
                List.of(oneLine.getBytes(StandardCharsets.ISO_8859_1), segmentPerLine), "race-two.835");

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(200));
        assertThat(answers.stream().filter(a -> !a.getBody().get("duplicate").asBoolean())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from remittance where payer_id = 'RACE-TWO'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from denial where payer_id = 'RACE-TWO'", Long.class))
                .isEqualTo(1);
    }

    /** {@value #UPLOADS} uploads released together, taking the files in turn. */
    private List<ResponseEntity<JsonNode>> uploadAtOnce(List<byte[]> files, String name) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> sent = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            byte[] content = files.get(i % files.size());
            sent.add(pool.submit(() -> {
                go.await();
                return upload(content, name);
            }));
        }
        go.countDown();
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : sent) {
            answers.add(answer.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }

    private ResponseEntity<JsonNode> upload(byte[] content, String name) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("biller", "demo").postForEntity("/api/remittances", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    /** A payment with one paid and one denied claim. */
    private static String remittance(String payer, String trace) {
        return new String(KnownRemittance.from(payer, payer + " HEALTH", trace, "20260108", "100")
                .claim("CLP*" + trace + "-1*1*100*100*0*12*ICN-1", "SVC*HC:90834*100*100**1")
                .claim("CLP*" + trace + "-2*4*150*0*0*12*ICN-2", "CAS*CO*197*150", "SVC*HC:90837*150*0**1")
                .bytes(), StandardCharsets.ISO_8859_1);
    }
}

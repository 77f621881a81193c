package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.internal.InboxWatcher;
import org.overturn.remittance.Edi835;
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
 * A file of three payments whose second cannot be read: the first and third are stored with their denials, the
 * second leaves no row behind, and the file is kept in quarantine for it; the upload answer, the quarantine list and
 * the inbox say which payment was left out.
 */
@OverturnIntegrationTest
class PartlyReadableFileIT {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FileIntake intake;
    @TempDir
    Path inbox;
    TestRestTemplate rest;
    /** Makes each test's payments (trace numbers) and claims (patient control numbers) its own. */
    String run;

    @BeforeEach
    void signIn() {
        rest = anonymous.withBasicAuth("admin", "demo");
        run = "PRF" + System.currentTimeMillis() % 100_000_000 + "-" + RUNS.incrementAndGet();
    }

    @Test
    void storesTheReadablePaymentsAndQuarantinesTheFileForTheOther() {
        byte[] file = payments(true);
        long quarantinedBefore = count("quarantined_file");

        var response = upload("partly.835", file);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("outcome").asText()).isEqualTo("STORED");
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("transactions").asInt()).isEqualTo(2);
        assertThat(body.get("claims").asInt()).isEqualTo(2);
        assertThat(body.get("denials").asInt()).isEqualTo(1);
        assertThat(texts(body.get("remittances"), "controlNumber")).containsExactly("0001", "0003");
        JsonNode unreadable = body.get("unreadable");
        assertThat(unreadable).hasSize(1);
        assertThat(unreadable.get(0).get("controlNumber").asText()).isEqualTo("0002");
        assertThat(unreadable.get(0).get("error").asText())
                .isEqualTo("segment 16 (CLP): CLP03 'ten' is not a number");
        assertThat(unreadable.get(0).get("firstSegment").asInt()).isEqualTo(11);
        assertThat(unreadable.get(0).get("lastSegment").asInt()).isEqualTo(18);

        long fileId = body.get("fileId").asLong();
        long quarantineId = body.get("quarantineId").asLong();
        assertThat(count("quarantined_file")).isEqualTo(quarantinedBefore + 1);
        assertThat(jdbc.queryForObject("select error from quarantined_file where id = ?", String.class, quarantineId))
                .isEqualTo("partly.835: transaction set 0002 (segments 11-18): segment 16 (CLP): "
                        + "CLP03 'ten' is not a number");
        assertThat(jdbc.queryForList("select segment_number, segment_id from quarantined_file where id = ?",
                quarantineId).get(0)).containsEntry("segment_number", 16).containsEntry("segment_id", "CLP");
        assertThat(rest.getForObject("/api/quarantine/" + quarantineId + "/content", byte[].class)).isEqualTo(file);
        JsonNode listed = entry(rest.getForObject("/api/quarantine?size=500", JsonNode.class), quarantineId);
        assertThat(listed.get("storedFileId").asLong()).isEqualTo(fileId);
        assertThat(listed.get("error").asText()).contains("transaction set 0002");

        // nothing of the second payment: no remittance, claim or line
        assertThat(jdbc.queryForList("select control_number from remittance where file_id = ? order by id",
                String.class, fileId)).containsExactly("0001", "0003");
        assertThat(jdbc.queryForList("select trace_number from remittance where file_id = ? order by id",
                String.class, fileId)).containsExactly(run + "-1", run + "-3");
        assertThat(count("claim_payment where patient_control_number like '" + run + "-%'")).isEqualTo(2);
        assertThat(count("claim_payment where patient_control_number = '" + run + "-2'")).isZero();
        assertThat(count("remittance where trace_number = '" + run + "-2'")).isZero();
        assertThat(jdbc.queryForObject("select claim_count from remittance_file where id = ?", Integer.class,
                fileId)).isEqualTo(2);
    }

    @Test
    void theSameBytesAgainAreADuplicateAndKeptInQuarantineOnce() {
        byte[] file = payments(true);
        var first = upload("partly-twice.835", file);
        long quarantined = count("quarantined_file");
        long remittances = count("remittance");

        var second = upload("partly-twice-again.835", file);

        assertThat(first.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(second.getBody().get("fileId").asLong()).isEqualTo(first.getBody().get("fileId").asLong());
        assertThat(count("quarantined_file")).isEqualTo(quarantined);
        assertThat(count("remittance")).isEqualTo(remittances);
    }

    @Test
    @DisplayName("readable payments all on file already: a duplicate for them, still quarantined for the unreadable one")
    void readablePaymentsAlreadyOnFileMakeADuplicateThatIsStillQuarantined() {
        var whole = upload("whole.835", payments(false));
        long remittances = count("remittance");
        long quarantined = count("quarantined_file");

        var response = upload("partly-resent.835", payments(true));

        assertThat(whole.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(whole.getBody().get("transactions").asInt()).isEqualTo(3);
        assertThat(whole.getBody().get("unreadable")).isEmpty();
        assertThat(whole.getBody().get("quarantineId").isNull()).isTrue();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(body.get("duplicate").asBoolean()).isTrue();
        assertThat(body.get("duplicateTransactions").asInt()).isEqualTo(2);
        assertThat(texts(body.get("unreadable"), "controlNumber")).containsExactly("0002");
        assertThat(body.get("quarantineId").isNull()).isFalse();
        assertThat(count("remittance")).isEqualTo(remittances);
        assertThat(count("quarantined_file")).isEqualTo(quarantined + 1);
        JsonNode listed = entry(rest.getForObject("/api/quarantine?size=500", JsonNode.class),
                body.get("quarantineId").asLong());
        assertThat(listed.get("storedFileId").isNull()).as("these bytes stored nothing").isTrue();
    }

    @Test
    void theInboxMovesSuchAFileToProcessedWithTheReasonBesideIt() throws Exception {
        var watcher = new InboxWatcher(intake, InboxWatcherIT.properties(inbox, Duration.ZERO, "partly"));
        Files.write(inbox.resolve("partly-inbox.835"), payments(true));

        assertThat(watcher.poll()).isEqualTo(1);

        assertThat(inbox.resolve("partly-inbox.835")).doesNotExist();
        assertThat(inbox.resolve("processed/partly-inbox.835")).exists();
        assertThat(inbox.resolve("quarantine/partly-inbox.835")).doesNotExist();
        assertThat(Files.readString(inbox.resolve("processed/partly-inbox.835.error.txt"), StandardCharsets.UTF_8))
                .isEqualTo("partly-inbox.835: transaction set 0002 (segments 11-18): segment 16 (CLP): "
                        + "CLP03 'ten' is not a number\n");
        assertThat(count("remittance where trace_number in ('" + run + "-1', '" + run + "-3')")).isEqualTo(2);
    }

    @Test
    @DisplayName("a file of one payment that cannot be read is still refused whole, with 422")
    void aFileOfOneUnreadablePaymentIsStillRefused() {
        String text = Edi835.withClaims("CLP*" + run + "*1*ten*0**12").text();

        var response = upload("one-broken.835", text.getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(response.getBody().get("error").asText())
                .isEqualTo("one-broken.835: segment 8 (CLP): CLP03 'ten' is not a number");
        assertThat(response.getBody().get("unreadable")).isEmpty();
    }

    /**
     * Three payments of this run, each its own trace number: the first pays a claim, the second pays one (or, when
     * {@code broken}, carries a claim charge that is not a number, at segment 16), the third denies one.
     * Segments: ISA 1, GS 2, set 0001 3-10, set 0002 11-18, set 0003 19-26.
     */
    private byte[] payments(boolean broken) {
        Edi835 edi = Edi835.create().interchange("000000001").group("1");
        payment(edi, 1, "100", "CLP*" + run + "-1*1*100*100**12", "SVC*HC:90834*100*100**1");
        if (broken) {
            payment(edi, 2, "80", "CLP*" + run + "-2*1*ten*80**12", "SVC*HC:90832*80*80**1");
        } else {
            payment(edi, 2, "80", "CLP*" + run + "-2*1*80*80**12", "SVC*HC:90832*80*80**1");
        }
        payment(edi, 3, "0", "CLP*" + run + "-3*4*150*0**12", "CAS*CO*50*150");
        return edi.endGroup().endInterchange().text().getBytes(StandardCharsets.UTF_8);
    }

    private void payment(Edi835 edi, int n, String amount, String claim, String detail) {
        edi.transaction("000" + n).segment("BPR*I*" + amount + "*C*CHK************20260301")
                .segment("TRN*1*" + run + "-" + n + "*1512345678")
                .segment("N1*PR*PARTLY HEALTH PLAN")
                .segment("N1*PE*RIVERSIDE COUNSELING*XX*1234567893")
                .segment(claim).segment(detail).endTransaction();
    }

    private static JsonNode entry(JsonNode list, long id) {
        for (JsonNode e : list) {
            if (e.get("id").asLong() == id) {
                return e;
            }
        }
        throw new AssertionError("quarantine entry " + id + " is not listed");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
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

    private long count(String tableAndCondition) {
        return jdbc.queryForObject("select count(*) from " + tableAndCondition, Long.class);
    }
}

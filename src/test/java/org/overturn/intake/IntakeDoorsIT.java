package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.intake.internal.InboxWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The intake's doors held, as the demo replay holds them (DemoDataIT shows the replay itself doing so): the server
 * reports not ready, an upload is answered 503 with Retry-After and nothing of it is kept, the inbox is not looked
 * at; once released, the file that waited is taken on the real clock.
 */
@OverturnIntegrationTest
class IntakeDoorsIT {

    static final String REASON = "The demo clinic is being loaded; try again in a minute";

    @Autowired
    IntakeDoors doors;
    @Autowired
    FileIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path inbox;

    @Test
    void heldDoorsRefuseUploadsLeaveTheInboxAloneAndReportNotReady() throws Exception {
        var watcher = new InboxWatcher(intake, InboxWatcherIT.properties(inbox, Duration.ZERO, "doors"),
                doors::closedBecause);
        byte[] waiting = Samples.retraced("tastypackets__profee.835", "-H1");
        Files.write(inbox.resolve("waited.835"), waiting);

        try (IntakeDoors.Hold held = doors.hold(REASON)) {
            ResponseEntity<JsonNode> refused = upload("during-the-hold.835",
                    Samples.retraced("tastypackets__profee.835", "-H2"));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
            assertThat(refused.getBody().get("error").asText()).isEqualTo(REASON);
            assertThat(readiness().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(readiness().getBody()).contains("OUT_OF_SERVICE");

            assertThat(watcher.poll()).isZero();
            assertThat(inbox.resolve("waited.835")).exists();
            assertThat(inbox.resolve(".processing/doors")).isEmptyDirectory();
        }
        assertThat(names("during-the-hold.835")).as("nothing kept of the refused upload").isZero();
        assertThat(jdbc.queryForObject("select count(*) from quarantined_file where file_name = 'during-the-hold.835'",
                Long.class)).isZero();

        // released: ready again, and the file that waited is taken on the real clock
        assertThat(readiness().getStatusCode()).isEqualTo(HttpStatus.OK);
        Instant released = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(watcher.poll()).isEqualTo(1);
        assertThat(inbox.resolve("processed/waited.835")).hasBinaryContent(waiting);
        Timestamp received = jdbc.queryForObject("select received_at from remittance_file where file_name = 'waited.835'",
                Timestamp.class);
        assertThat(received.toInstant()).isAfterOrEqualTo(released);
        assertThat(upload("after-the-hold.835", Samples.retraced("tastypackets__profee.835", "-H3")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anApplicationNotReadyTakesNoFilesEither() throws Exception {
        var watcher = new InboxWatcher(intake, InboxWatcherIT.properties(inbox, Duration.ZERO, "not-ready"),
                doors::closedBecause);
        Files.write(inbox.resolve("not-ready.835"), Samples.retraced("tastypackets__profee.835", "-H4"));

        // as when the application starts or shuts down
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            ResponseEntity<JsonNode> refused = upload("not-ready-upload.835",
                    Samples.retraced("tastypackets__profee.835", "-H5"));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
            assertThat(refused.getBody().get("error").asText()).contains("not taking files");
            assertThat(watcher.poll()).isZero();
            assertThat(inbox.resolve("not-ready.835")).exists();
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(watcher.poll()).isEqualTo(1);
        assertThat(names("not-ready.835")).isEqualTo(1);
        assertThat(names("not-ready-upload.835")).isZero();
    }

    private long names(String fileName) {
        return jdbc.queryForObject("select count(*) from remittance_file where file_name = ?", Long.class, fileName);
    }

    private ResponseEntity<String> readiness() {
        return anonymous.getForEntity("/actuator/health/readiness", String.class);
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
        return anonymous.withBasicAuth("biller", "demo").postForEntity("/api/remittances",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}

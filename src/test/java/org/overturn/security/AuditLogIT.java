package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@OverturnIntegrationTest
class AuditLogIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    IdentityService identity;
    @Autowired
    AuditTrail audit;

    @Test
    void recordsWhoLookedAtWhichRemittance() {
        long remittanceId = intake.ingest("audit.835", Samples.retraced("pyx12__835_mult_loops.835", "-A1"), "UPLOAD",
                "biller").remittances().get(0).remittanceId();

        var seen = rest.withBasicAuth("biller", "demo").getForEntity("/api/remittances/" + remittanceId, String.class);
        assertThat(seen.getStatusCode().value()).isEqualTo(200);

        // the event is written once the response is complete, which the client may see a moment earlier
        assertThat(eventually(() -> jdbc.queryForObject("select count(*) from audit_event where actor = 'biller' "
                + "and action = 'VIEW' and record_type = 'remittance' and record_id = ?", Long.class,
                String.valueOf(remittanceId)))).isEqualTo(1);
    }

    private static long eventually(java.util.function.Supplier<Long> count) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(50)).until(count::get, value -> value > 0);
    }

    @Test
    void recordsFailedAndSuccessfulLoginsAndShowsThemToAdmins() {
        // a user of its own: the engine locks an account for a few seconds after a failed login
        var user = identity.newUser("audited");
        user.setPassword("audited-password");
        identity.saveUser(user);
        rest.withBasicAuth("audited", "audited-password").getForEntity("/api/queues", String.class);
        rest.withBasicAuth("audited", "not-the-password").getForEntity("/api/queues", String.class);

        JsonNode failures = rest.withBasicAuth("admin", "demo")
                .getForObject("/api/audit?actor=audited&action=LOGIN_FAILURE", JsonNode.class);
        assertThat(failures).isNotEmpty();
        assertThat(failures.get(0).get("remoteAddress").asText()).isNotBlank();
        String csv = rest.withBasicAuth("admin", "demo").getForObject("/api/audit/export?actor=audited", String.class);
        assertThat(csv).startsWith("id,occurred_at,actor,action").contains("LOGIN_SUCCESS").contains("LOGIN_FAILURE");
    }

    @Test
    void csvExportDefusesFormulasAndKeepsEachEventOnOneLine() {
        List<String> hostile = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
                "\t=1+1", "\r=1+1", "plain\n=cmd|' /C calc'!A0", "\n=1+1");
        for (String detail : hostile) {
            audit.recordAs("csv-hostile", AuditAction.EXPORT, "@type", "=id", detail);
        }

        String csv = rest.withBasicAuth("admin", "demo").getForObject("/api/audit/export?actor=csv-hostile",
                String.class);

        List<String> lines = csv.lines().toList();
        // the header and one line an event: no line break survives inside a cell
        assertThat(lines).hasSize(1 + hostile.size());
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            assertThat(cells).hasSize(8);
            for (String cell : cells) {
                assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                assertThat(cell.strip()).as(line).doesNotStartWith("=");
            }
        }
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", "\"'@type\"", "\"'=id\"");
    }

    /** The unquoted values of one CSV line (RFC 4180 quoting). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void auditLogCannotBeChangedOrDeleted() {
        rest.withBasicAuth("biller", "demo").getForEntity("/api/queues", String.class);

        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event")).hasMessageContaining("append-only");
    }

    @Test
    void countsOneFailedRequestAsOneFailure() {
        rest.withBasicAuth("one-typo", "typo").getForEntity("/api/queues", String.class);

        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'one-typo' "
                + "and action = 'LOGIN_FAILURE'", Long.class)).isEqualTo(1);
    }

    @Test
    void refusesEvenTheRightPasswordRightAfterRepeatedFailures() {
        var user = identity.newUser("throttled");
        user.setPassword("right-password");
        identity.saveUser(user);
        for (int i = 0; i < 5; i++) {
            rest.withBasicAuth("throttled", "guess-" + i).getForEntity("/api/queues", String.class);
        }

        var response = rest.withBasicAuth("throttled", "right-password").getForEntity("/api/queues", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }
}

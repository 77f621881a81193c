package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A payer the practice never entered arrives in an 835: it is created with its plan type's defaults, flagged. */
@OverturnIntegrationTest
class PayerFromRemittanceIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    PayerDirectory directory;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    final String id = "PR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void anUnknownMedicarePayerIsCreatedWithDefaultTermsAndNeedsReview() {
        intake.ingest("unknown-payer.835", KnownRemittance.from(id, "NOVITAS SOLUTIONS", id + "-1", "20260302", "0")
                .claim("CLP*PR1*4*150*0**MB", "CAS*CO*50*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");

        var profile = directory.profile(id).orElseThrow();
        assertThat(profile).isEqualTo(new PayerProfile(id, "NOVITAS SOLUTIONS", PlanType.MEDICARE, null, 120, null,
                null, 365, null, null, null, null, null, null, null, true));
        assertThat(jdbc.queryForObject("select appeal_due_date from denial where payer_id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.of(2026, 3, 2).plusDays(120));
        JsonNode listed = rest.withBasicAuth("biller", "demo").getForObject("/api/payers/" + id, JsonNode.class);
        assertThat(listed.get("needsReview").asBoolean()).isTrue();
        assertThat(WebClient.anonymous(port).as("manager").get("/payers?review=true").body())
                .contains("id=\"payer-" + id + "\" class=\"needs-review\"",
                        "NOVITAS SOLUTIONS</a> <span class=\"badge warn\">needs review</span>");
    }

    @Test
    void aPayerOnFileKeepsItsTermsWhenItsNext835Arrives() {
        directory.appealLimitDays(id, "HIGHMARK", "12");
        var confirmed = directory.confirm(List.of(new PayerProfile(id, "HIGHMARK BCBS", PlanType.COMMERCIAL,
                "appeals@highmark.example.com", 60, null, null, 120, null, null, null, null, "PA", null, null, false)),
                "manager").get(0).after();

        intake.ingest("known-payer.835", KnownRemittance.from(id, "HIGHMARK", id + "-2", "20260302", "0")
                .claim("CLP*PR2*4*150*0**12", "CAS*CO*50*150", "SVC*HC:90837*150*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");

        assertThat(directory.profile(id)).contains(confirmed);
        assertThat(jdbc.queryForObject("select appeal_due_date from denial where payer_id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.of(2026, 3, 2).plusDays(60));
    }

    @Test
    void twoFilesFromTheSameNewPayerStoredAtOnceAreBothStored() throws Exception {
        var first = new TransactionTemplate(transactions);
        var executor = Executors.newSingleThreadExecutor();
        try {
            first.executeWithoutResult(tx -> {
                // a file still being stored has met the payer first...
                assertThat(directory.appealLimitDays(id, "NEW PAYER", "12")).isEqualTo(180);
                // ...and another file from it, stored meanwhile by another thread or server, meets it too
                Future<Integer> second = executor.submit(() -> new TransactionTemplate(transactions)
                        .execute(other -> directory.appealLimitDays(id, "NEW PAYER", "12")));
                try {
                    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(180);
                } catch (Exception e) {
                    throw new AssertionError("the second file waited for the first", e);
                }
            });  // the first file commits after the second: no duplicate payer, no deadlock
        } finally {
            executor.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from payer where id = ?", Integer.class, id)).isEqualTo(1);
    }
}


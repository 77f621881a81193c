package org.overturn.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.overturn.intake.RemittanceIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local run's first minute: an empty database gets three months of the demo clinic's remittances, one
 * file a month, ingested as a clearinghouse would deliver them, so every queue and chart has something real.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int MONTHS = 3;
    static final int CLAIMS_PER_MONTH = 600;

    private final RemittanceIntake intake;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoData(RemittanceIntake intake, JdbcTemplate jdbc, Clock clock) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void loadIntoEmptyDatabase() throws IOException {
        if (jdbc.queryForObject("select count(*) from remittance_file", Long.class) > 0) {
            return;
        }
        var generator = new RemittanceGenerator();
        LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
        for (int i = MONTHS; i >= 1; i--) {
            LocalDate first = thisMonth.minusMonths(i);
            var settings = GeneratorSettings.defaults().withSeed(2026L * 100 + i).withClaimCount(CLAIMS_PER_MONTH)
                    .withClaimsPerTransaction(100).withPaymentDates(first, first.plusMonths(1).minusDays(1));
            var text = new StringWriter();
            generator.write(settings, text);
            var result = intake.ingest("demo-" + first + ".835", text.toString().getBytes(StandardCharsets.UTF_8),
                    "DEMO", "demo");
            log.info("Demo data: {} claims, {} denials for {}", result.claims(), result.denials(), first.getMonth());
        }
        describePayers();
    }

    /**
     * What the clinic's office would have entered in the payer directory: appeal addresses (the embedded mail
     * server receives the letters) and, for the commercial plans, how they treat comparable medical care. The
     * state Medicaid program is left as an 835 introduced it, flagged for review and without an email address,
     * so its appeals show the post-or-portal path.
     */
    private void describePayers() {
        for (Payer payer : Payer.catalog()) {
            if (payer.payerId().equals("SMA01")) {
                continue;
            }
            String email = "appeals@" + payer.payerId().toLowerCase(java.util.Locale.ROOT) + ".example";
            jdbc.update("""
                    update payer set appeal_email = ?, address_line1 = ?, city = ?, state = ?, postal_code = ?,
                                     phone = ?, needs_review = false, updated_at = now(), updated_by = 'demo'
                     where id = ? or (name = ? and needs_review)
                    """, email, payer.street(), payer.city(), payer.state(), payer.postalCode(), payer.phone(),
                    payer.payerId(), payer.name());
            if (payer.planType().name().startsWith("COMMERCIAL")) {
                boolean erisa = payer.payerId().equals("KPH01") || payer.payerId().equals("AMI22");
                jdbc.update("""
                        insert into payer_parity_facts (payer_id, pa_for_medical_outpatient, concurrent_review_for_medical,
                                                        visit_limits_for_medical, funding, state, updated_by, updated_at)
                        select id, 'NO', 'NO', 'NO', ?, ?, 'demo', now() from payer where id = ? or name = ?
                        on conflict (payer_id) do nothing
                        """, erisa ? "SELF_FUNDED_ERISA" : "FULLY_INSURED", payer.state(), payer.payerId(), payer.name());
            }
        }
    }
}

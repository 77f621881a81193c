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
    }
}

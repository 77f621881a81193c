package org.overturn.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.overturn.intake.FileIntake;
import org.overturn.intake.IntakeDoors;
import org.overturn.parity.ParityFacts;
import org.overturn.parity.PayerParityFacts;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PlanFunding;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PayerEdits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local run's first minute: an empty database gets the demo clinic's last three months (90 days up to
 * today), replayed. Each claim the clinic bills goes out on an 837 a day or two before the payer receives it
 * ({@link ClaimSubmissions}), each of the payers' payment runs arrives as its own 835 file around its payment
 * date, as a clearinghouse delivers them, every file through the one door ({@link FileIntake}), and the billing
 * office works what they bring ({@link DemoWork}), so every queue, page and chart shows something real: work
 * done and work waiting, each denial with the claim it answers.
 * <p>
 * The replay sets the engine clock to each past moment while the server already answers. Until it is over the intake's
 * doors are held ({@link IntakeDoors}): the server reports not ready, an upload is answered 503 and the inbox waits,
 * so that no real file is stamped with a replayed day or worked by the demo users.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int MONTHS = 3;
    static final int DAYS_PER_MONTH = 30;
    static final int CLAIMS_PER_MONTH = 600;
    /** Claims in one payer's payment run; six runs a month. */
    static final int CLAIMS_PER_RUN = 100;
    static final String REPLAYING = "The demo clinic is being loaded; try again in a minute";

    private final FileIntake intake;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DemoWork work;
    private final IntakeDoors doors;

    private final PayerDirectory payerDirectory;
    private final PayerEdits payerEdits;
    private final PayerParityFacts parityFacts;
    private final DemoAuthorizations authorizations;
    private final DemoContracts contracts;

    DemoData(FileIntake intake, JdbcTemplate jdbc, Clock clock, DemoWork work, IntakeDoors doors,
             PayerDirectory payerDirectory, PayerEdits payerEdits, PayerParityFacts parityFacts,
             DemoAuthorizations authorizations, DemoContracts contracts) {
        this.authorizations = authorizations;
        this.contracts = contracts;
        this.doors = doors;
        this.payerDirectory = payerDirectory;
        this.payerEdits = payerEdits;
        this.parityFacts = parityFacts;
        this.intake = intake;
        this.jdbc = jdbc;
        this.clock = clock;
        this.work = work;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void loadIntoEmptyDatabase() {
        if (jdbc.queryForObject("select count(*) from remittance_file_report", Long.class) > 0) {
            return;
        }
        log.info("Demo data: replaying the demo clinic's last {} months; until it is done the server reports not "
                + "ready, and uploads and inbox files wait", MONTHS);
        try (IntakeDoors.Hold held = doors.hold(REPLAYING)) {
            replay();
        }
    }

    /** The demo's Medicaid managed-care plan (COMMONWEALTH MEDICAID MANAGED CARE). */
    static final String MEDICAID_MANAGED_CARE_PLAN = "CMM77";

    private void replay() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        var generator = new RemittanceGenerator();
        var submissions = new ClaimSubmissions(generator.clinic());
        List<DemoWork.Delivery> deliveries = new ArrayList<>();
        Map<String, ClaimDecision> billed = new HashMap<>();
        Map<String, SentClaim> sent = new HashMap<>();
        int interchange = 0;
        for (int i = MONTHS; i >= 1; i--) {
            // months of 30 days up to today: the newest payment run pays today, its 835 came in yesterday
            LocalDate last = today.minusDays((long) DAYS_PER_MONTH * (i - 1));
            var settings = GeneratorSettings.defaults().withSeed(2026L * 100 + i).withClaimCount(CLAIMS_PER_MONTH)
                    .withClaimsPerTransaction(CLAIMS_PER_RUN).withPaymentDates(last.minusDays(DAYS_PER_MONTH - 1), last);
            for (PaymentAdvice run : generator.paymentRuns(settings)) {
                // a claim's first adjudication (a later reversal and re-payment of a paid claim share its number)
                run.claims().stream().filter(c -> !ClaimDecision.REVERSAL.equals(c.status()))
                        .forEach(c -> {
                            if (billed.putIfAbsent(c.billed().patientControlNumber(), c) == null) {
                                sent.put(c.billed().patientControlNumber(), submissions.file(c));
                            }
                        });
                deliveries.add(delivery(generator, ++interchange, run));
            }
        }
        deliveries.addAll(submissions.deliveries(sent.values()));
        enterManagedCarePlans();
        enterParityFacts();
        if (!contracts.enter(generator.clinic(), today.minusDays((long) DAYS_PER_MONTH * MONTHS))) {
            log.warn("Demo data: no practice bills under the demo clinic's NPI; no contracted rates entered");
        }
        DemoWork.Summary done = work.replay(deliveries, billed, sent, now, this::deliver);
        int registered = authorizations.enter(today);
        int ruled = authorizations.requireInAdvance();
        int looks = authorizations.watchOnce();
        log.info("Demo data: {} authorizations entered in the register; {} payers authorize in advance; the "
                + "authorization watch looked {} time(s)", registered, ruled, looks);
        log.info("Demo data: {} months of claims and remittances replayed in {} s: {} claims sent; {} denials; {} "
                        + "tasks completed by {}; {} corrected claims resubmitted; {} appeals sent, {} overturned, {} "
                        + "upheld; {} recovered; {} written off; {} letters emailed; {} tasks open{}",
                MONTHS, (System.nanoTime() - started) / 1_000_000_000, sent.size(), done.denials(),
                done.tasksCompleted(),
                String.join(", ", done.workers()), done.correctionsSent(), done.appealsSent(), done.overturned(),
                done.upheld(), NumberFormat.getCurrencyInstance(Locale.US).format(done.recovered()),
                done.writtenOff(), done.lettersEmailed(), done.tasksOpen(),
                done.refused() + done.jobsFailed() == 0 ? ""
                        : "; " + done.refused() + " tasks refused, " + done.jobsFailed() + " jobs failed (see above)");
    }

    /**
     * The office has its Medicaid managed-care plan's contract on file before the plan's first remittance: its
     * members appeal to the plan, then to the state fair hearing (42 CFR 438 subpart F), not as fee-for-service.
     */
    private void enterManagedCarePlans() {
        Payer.catalog().stream().filter(p -> p.payerId().equals(MEDICAID_MANAGED_CARE_PLAN)).forEach(p -> {
            payerDirectory.appealLimitDays(p.payerId(), p.name(), p.planType().filingIndicator());
            payerDirectory.routeAppeals(p.payerId(), new PayerAppealTerms(null, true, null), "demo");
        });
    }

    /**
     * What the office knows of its commercial plans before their first remittance, so each denial is screened under
     * its plan's parity regime (issue 18): all four are employer plans; Keystone Peak and Allegheny Mutual are
     * self-funded (ERISA, EBSA), Trillium Choice and Harborview insured (EBSA and the Pennsylvania insurance
     * department). The state's fee-for-service program needs nothing: without the managed-care flag it is screened
     * as fee-for-service, where 42 CFR 438 subpart K does not reach.
     */
    private void enterParityFacts() {
        for (Payer p : Payer.catalog()) {
            if (!p.planType().name().startsWith("COMMERCIAL")) {
                continue;
            }
            payerDirectory.appealLimitDays(p.payerId(), p.name(), p.planType().filingIndicator());
            var terms = payerDirectory.appealTerms(p.payerId());
            payerDirectory.routeAppeals(p.payerId(), new PayerAppealTerms(PlanFunding.EMPLOYER_GROUP,
                    terms.medicaidManagedCare(), terms.providerDisputeDays(), terms.correctedClaimClock()), "demo");
            boolean selfFunded = p.payerId().equals("KPH01") || p.payerId().equals("AMI22");
            parityFacts.save(new ParityFacts(p.payerId(), ParityFacts.Answer.NO, ParityFacts.Answer.NO,
                    ParityFacts.Answer.NO, selfFunded ? ParityFacts.Funding.SELF_FUNDED_ERISA
                    : ParityFacts.Funding.FULLY_INSURED, p.state(), ParityFacts.Answer.NO, ParityFacts.Answer.NO,
                    ParityFacts.Answer.NO, ParityFacts.Answer.NO, null, null, null, null, List.of()), "demo");
        }
    }

    /** A payment run's 835, delivered early the day after the payer produced it (two days before it pays). */
    private static DemoWork.Delivery delivery(RemittanceGenerator generator, int interchange, PaymentAdvice run) {
        var text = new StringWriter();
        try {
            generator.write(interchange, List.of(run), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant arrival = run.productionDate().plusDays(1).atTime(6, 30).plusMinutes(interchange)
                .atZone(ZoneId.systemDefault()).toInstant();
        return new DemoWork.Delivery(arrival, "demo-" + run.paymentDate() + "-"
                + run.payer().payerId().toLowerCase(Locale.ROOT) + ".835", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Stores a delivered file, then enters the payers an 835 introduced in the directory. */
    private void deliver(DemoWork.Delivery delivery) {
        intake.ingest(delivery.fileName(), delivery.content(), "DEMO", "demo");
        if (delivery.fileName().endsWith(".835")) {
            describePayers();
        }
    }

    /**
     * What the clinic's office enters in the payer directory for a payer an 835 introduced: appeal addresses
     * (the embedded mail server receives the letters) and, for the commercial plans, how they treat comparable
     * medical care. The state Medicaid program is left as an 835 introduced it, flagged for review and without an
     * email address, so its appeals show the post-or-portal path.
     */
    private void describePayers() {
        for (Payer payer : Payer.catalog()) {
            if (payer.payerId().equals("SMA01") || payerDirectory.profile(payer.payerId()).isEmpty()) {
                continue;
            }
            String email = "appeals@" + payer.payerId().toLowerCase(Locale.ROOT) + ".example";
            payerEdits.enterAppealContact(payer.payerId(), new PayerEdits.AppealContact(email, payer.street(),
                    payer.city(), payer.state(), payer.postalCode(), payer.phone()), "demo");
            boolean described = !parityFacts.of(payer.payerId()).equals(ParityFacts.unknown(payer.payerId()));
            if (payer.planType().name().startsWith("COMMERCIAL") && !described) {
                boolean erisa = payer.payerId().equals("KPH01") || payer.payerId().equals("AMI22");
                parityFacts.save(new ParityFacts(payer.payerId(), ParityFacts.Answer.NO, ParityFacts.Answer.NO,
                        ParityFacts.Answer.NO, erisa ? ParityFacts.Funding.SELF_FUNDED_ERISA
                        : ParityFacts.Funding.FULLY_INSURED, payer.state()), "demo");
            }
        }
    }
}

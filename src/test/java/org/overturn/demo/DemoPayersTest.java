package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.RemittanceParser;

/** The payers' answers to what the demo office sends back: 835s the product reads, paying or denying again. */
class DemoPayersTest {

    private static final GeneratorSettings SETTINGS = GeneratorSettings.defaults().withSeed(202603L)
            .withClaimCount(600).withClaimsPerTransaction(100);
    private static final LocalDate RUN = LocalDate.of(2031, 5, 16);
    private static final LocalDate SENT = LocalDate.of(2031, 4, 30);
    /** Routine adjustments: a claim with only these is no denial (README, What counts as a denial). */
    private static final Set<String> ROUTINE_CO = Set.of("45", "253");

    private static final RemittanceGenerator generator = new RemittanceGenerator();
    private static final Map<String, ClaimDecision> billed = new HashMap<>();

    @BeforeAll
    static void generate() {
        for (PaymentAdvice run : generator.paymentRuns(SETTINGS)) {
            run.claims().stream().filter(c -> !ClaimDecision.REVERSAL.equals(c.status()))
                    .forEach(c -> billed.putIfAbsent(c.billed().patientControlNumber(), c));
        }
    }

    @Test
    void paysTheLinesAPartialDenialDeniedOnThePayersFeeScheduleAndNothingElse() throws Exception {
        ClaimDecision partial = billed.values().stream()
                .filter(c -> c.lines().stream().anyMatch(l -> l.allowed() == null)
                        && c.lines().stream().anyMatch(l -> l.allowed() != null))
                .min(java.util.Comparator.comparing(c -> c.billed().patientControlNumber())).orElseThrow();
        List<LineDecision> denied = partial.lines().stream().filter(l -> l.allowed() == null).toList();

        RemittanceAdvice answer = single(payers().paymentRun(payerOf(partial), RUN,
                List.of(new DemoPayers.Reply(pcnOf(partial), DemoPayers.Answer.PAID, SENT))));

        ClaimPayment claim = answer.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo(pcnOf(partial));
        assertThat(claim.status()).isEqualTo("1");
        assertThat(claim.lines()).extracting(l -> l.procedure())
                .containsExactlyElementsOf(denied.stream().map(l -> l.procedure().code()).toList());
        BigDecimal deniedCharge = denied.stream().map(LineDecision::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(claim.charge()).isEqualByComparingTo(deniedCharge);
        assertThat(claim.paid()).isPositive().isLessThan(deniedCharge);
        assertThat(claim.allAdjustments()).allSatisfy(a -> assertThat(a.group().equals("PR")
                || a.group().equals("CO") && ROUTINE_CO.contains(a.reason())).as("%s", a).isTrue());
        assertThat(answer.payer().references()).containsEntry("2U", payerOf(partial));
        assertThat(answer.payment().date()).isEqualTo(RUN);
        assertThat(RemittanceBalance.problems(answer)).isEmpty();
    }

    @Test
    void deniesAgainWithThePayersOwnReasons() throws Exception {
        ClaimDecision full = billed.values().stream().filter(c -> c.status().equals("4"))
                .min(java.util.Comparator.comparing(c -> c.billed().patientControlNumber())).orElseThrow();

        RemittanceAdvice answer = single(payers().paymentRun(payerOf(full), RUN,
                List.of(new DemoPayers.Reply(pcnOf(full), DemoPayers.Answer.DENIED_AGAIN, SENT))));

        ClaimPayment claim = answer.claims().get(0);
        assertThat(claim.status()).isEqualTo("4");
        assertThat(claim.paid()).isZero();
        assertThat(claim.charge()).isEqualByComparingTo(full.charge());
        assertThat(claim.allAdjustments()).extracting(Adjustment::reason).containsAnyElementsOf(
                java.util.stream.Stream.concat(full.adjustments().stream(),
                        full.lines().stream().flatMap(l -> l.adjustments().stream()))
                        .filter(a -> !ROUTINE_CO.contains(a.reason())).map(CasAmount::reason).toList());
        assertThat(RemittanceBalance.problems(answer)).isEmpty();
    }

    @Test
    void answersTheSameWayEveryTime() {
        ClaimDecision any = billed.values().stream().filter(c -> c.status().equals("4"))
                .max(java.util.Comparator.comparing(c -> c.billed().patientControlNumber())).orElseThrow();
        var replies = List.of(new DemoPayers.Reply(pcnOf(any), DemoPayers.Answer.PAID, SENT));

        assertThat(payers().paymentRun(payerOf(any), RUN, replies).content())
                .isEqualTo(payers().paymentRun(payerOf(any), RUN, replies).content());
    }

    @Test
    void eachPayerPaysOnItsOwnWeekdayAndTheFileArrivesTheDayBefore() {
        DemoPayers payers = payers();
        LocalDate saturday = LocalDate.of(2031, 5, 17);
        for (String payerId : List.of("KPH01", "CMM77", "19501")) {
            LocalDate run = payers.paymentRunOnOrAfter(payerId, saturday);
            assertThat(run).isBetween(saturday, saturday.plusDays(6));
            assertThat(run.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(payers.paymentRunOnOrAfter(payerId, run)).isEqualTo(run);
            assertThat(payers.paymentRunOnOrAfter(payerId, run.plusDays(1))).isEqualTo(run.plusWeeks(1));
            assertThat(payers.arrivalOf(run)).isBefore(run.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
        }
    }

    private static DemoPayers payers() {
        return new DemoPayers(List.of(generator.clinic()), billed, new Dice(7));
    }

    private static RemittanceAdvice single(DemoWork.Delivery delivery) throws Exception {
        var file = RemittanceParser.standard().parse(new ByteArrayInputStream(delivery.content()));
        assertThat(file.transactions()).hasSize(1);
        assertThat(file.transactions().get(0).claims()).hasSize(1);
        return file.transactions().get(0);
    }

    private static String pcnOf(ClaimDecision claim) {
        return claim.billed().patientControlNumber();
    }

    private static String payerOf(ClaimDecision claim) {
        return claim.billed().patient().payer().payerId();
    }
}

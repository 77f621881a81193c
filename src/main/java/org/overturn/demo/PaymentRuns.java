package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The payers' side of the story, one payment run at a time: which payer pays, which claims it settles and
 * how, which earlier payments it takes back, and what it adds or recovers at provider level. Every choice
 * comes from one seeded random stream, in a fixed order, so a seed always tells the same story.
 */
final class PaymentRuns {

    /** Earlier paid claims remembered per payer as candidates for reversals and recoveries. */
    private static final int HISTORY_PER_PAYER = 200;
    private static final DateTimeFormatter JULIAN = DateTimeFormatter.ofPattern("yyDDD");

    private final GeneratorSettings settings;
    private final SplittableRandom random;
    private final List<Payer> payers;
    private final PatientPanel panel;
    private final ChargeCapture chargeCapture;
    private final Adjudicator adjudicator = new Adjudicator();
    private final double meanDenialPropensity;
    private final Map<Payer, List<ClaimDecision>> paidHistory = new HashMap<>();
    private final Map<Payer, Integer> claimSequence = new HashMap<>();
    private final String patientControlPrefix;
    private final int controlNumberBase;
    private int patientControlSequence;
    private int traceSequence;

    PaymentRuns(GeneratorSettings settings, Clinic clinic) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        // identifiers differ between seeds, so files generated with different seeds never share claims
        SplittableRandom identifiers = new SplittableRandom(~settings.seed());
        this.patientControlPrefix = clinic.claimPrefix() + identifiers.nextInt(100_000, 1_000_000);
        this.controlNumberBase = identifiers.nextInt(1_000) * 1_000_000;
        this.traceSequence = identifiers.nextInt(10_000, 90_000) * 100;
        this.payers = Payer.catalog().stream().filter(p -> settings.weightOf(p.planType()) > 0).toList();
        this.panel = new PatientPanel(payers, settings, random);
        this.chargeCapture = new ChargeCapture(clinic);
        double weights = payers.stream().mapToDouble(this::payerWeight).sum();
        this.meanDenialPropensity = payers.stream()
                .mapToDouble(p -> payerWeight(p) * p.denialPropensity()).sum() / weights;
    }

    PaymentAdvice next(int index, int claimCount) {
        Payer payer = pick(payers, this::payerWeight);
        LocalDate paymentDate = paymentDate(index);
        List<ClaimDecision> history = paidHistory.computeIfAbsent(payer, p -> new ArrayList<>());
        List<ClaimDecision> claims = new ArrayList<>(claimCount);
        while (claims.size() < claimCount) {
            boolean reversal = random.nextDouble() < settings.reversalRate();
            if (reversal && claimCount - claims.size() >= 2 && !history.isEmpty()) {
                ClaimDecision original = history.remove(random.nextInt(history.size()));
                claims.add(original.reversal());
                claims.add(readjudicate(original, paymentDate));
            } else {
                claims.add(newClaim(payer, paymentDate));
            }
        }
        int traceNumber = traceSequence++;
        String trace = "CHK".equals(payer.paymentMethod())
                ? String.format("%08d", traceNumber) : "1" + payer.number() + String.format("%09d", traceNumber);
        List<ProviderLevelAdjustment> provider = providerAdjustments(claims, history, trace);
        for (ClaimDecision claim : claims) {
            if (claim.isPaidOriginal()) {
                if (history.size() >= HISTORY_PER_PAYER) {
                    history.remove(0);
                }
                history.add(claim);
            }
        }
        return new PaymentAdvice(payer, paymentDate, trace, claims, provider);
    }

    private ClaimDecision newClaim(Payer payer, LocalDate paymentDate) {
        PlanType plan = payer.planType();
        boolean denied = random.nextDouble() < Math.min(1.0,
                settings.denialRate() * payer.denialPropensity() / meanDenialPropensity);
        boolean partial = denied && random.nextDouble() < settings.partialShare();
        boolean sud = random.nextDouble() < settings.part2Share();
        Patient patient = panel.pick(payer, sud, random);
        DenialScenario scenario = null;
        if (denied) {
            scenario = pickScenario(plan, sud, partial);
            if (scenario == null) {
                partial = false;
                scenario = pickScenario(plan, sud, false);
            }
        }
        Shape shape = scenario == null ? Shape.ANY : scenario.shapeFor(partial);
        DenialScenario cause = scenario;
        EncounterType type = pick(EncounterType.of(sud).stream()
                .filter(t -> fits(t, plan, shape)).toList(), t -> t.weightFor(cause));

        // late claims are the ones the payer receives long after the service
        int submissionLag = scenario == DenialScenario.TIMELY_FILING
                ? 120 + random.nextInt(240) : 2 + random.nextInt(18);
        LocalDate received = paymentDate.minusDays(7 + random.nextInt(21));
        LocalDate lastService = received.minusDays(submissionLag);

        BilledClaim billed = chargeCapture.capture(nextPatientControlNumber(), patient, type, shape, lastService,
                scenario == DenialScenario.CREDENTIALING, random);
        Adjudicator.Outcome outcome = !denied ? Adjudicator.Outcome.PAID
                : partial ? Adjudicator.Outcome.PARTIAL_DENIAL : Adjudicator.Outcome.FULL_DENIAL;
        return adjudicator.adjudicate(billed, outcome, scenario, nextPayerControlNumber(payer, paymentDate),
                received, BigDecimal.ONE, random);
    }

    /** After taking a payment back the payer pays the claim again, usually on a corrected fee schedule. */
    private ClaimDecision readjudicate(ClaimDecision original, LocalDate paymentDate) {
        BigDecimal rateFactor = BigDecimal.valueOf(90 + random.nextInt(16), 2);
        return adjudicator.adjudicate(original.billed(), Adjudicator.Outcome.PAID, null,
                nextPayerControlNumber(original.billed().patient().payer(), paymentDate), original.receivedDate(),
                rateFactor, random);
    }

    /**
     * Interest on late claims (L6, adds to the payment), recovery of an earlier overpayment (WO, takes from it)
     * and, when recoveries exceed the payments, the negative balance carried forward (FB).
     */
    private List<ProviderLevelAdjustment> providerAdjustments(List<ClaimDecision> claims,
                                                              List<ClaimDecision> history, String trace) {
        List<ProviderLevelAdjustment> adjustments = new ArrayList<>(3);
        List<ClaimDecision> paid = claims.stream().filter(ClaimDecision::isPaidOriginal).toList();
        if (random.nextInt(100) < 12 && !paid.isEmpty()) {
            ClaimDecision late = paid.get(random.nextInt(paid.size()));
            BigDecimal interest = BigDecimal.valueOf(50 + random.nextInt(2_450), 2);
            adjustments.add(new ProviderLevelAdjustment("L6", late.payerClaimControlNumber(), interest.negate()));
        }
        if (random.nextInt(100) < 6 && !history.isEmpty()) {
            ClaimDecision overpaid = history.get(random.nextInt(history.size()));
            BigDecimal share = BigDecimal.valueOf(20 + random.nextInt(81), 2);
            BigDecimal recovery = Adjudicator.money(overpaid.paid().multiply(share));
            if (recovery.signum() > 0) {
                adjustments.add(new ProviderLevelAdjustment("WO", overpaid.payerClaimControlNumber(), recovery));
            }
        }
        BigDecimal total = PaymentAdvice.total(claims, adjustments);
        if (total.signum() < 0) {
            adjustments.add(new ProviderLevelAdjustment("FB", trace, total));
        }
        return adjustments;
    }

    private DenialScenario pickScenario(PlanType plan, boolean sud, boolean partial) {
        List<DenialScenario> possible = new ArrayList<>();
        for (DenialScenario scenario : DenialScenario.values()) {
            boolean kindFits = partial ? scenario.canDenyPartially() : scenario.canDenyFully();
            Shape shape = scenario.shapeFor(partial);
            if (kindFits && EncounterType.of(sud).stream().anyMatch(t -> fits(t, plan, shape))) {
                possible.add(scenario);
            }
        }
        return possible.isEmpty() ? null : pick(possible, s -> s.weightFor(plan));
    }

    /** A kind of claim the plan covers, of this shape, that one of the clinic's clinicians renders. */
    private boolean fits(EncounterType type, PlanType plan, Shape shape) {
        return type.coveredBy(plan) && type.canTake(shape) && chargeCapture.canRender(type, plan);
    }

    private LocalDate paymentDate(int index) {
        long span = ChronoUnit.DAYS.between(settings.firstPaymentDate(), settings.lastPaymentDate());
        int transactions = settings.transactionCount();
        return settings.firstPaymentDate().plusDays(transactions <= 1 ? 0 : span * index / (transactions - 1));
    }

    private String nextPatientControlNumber() {
        return patientControlPrefix + String.format("%06d", ++patientControlSequence);
    }

    /** CLP07 in a payer's style: Julian date of the run, the payer's number, a running sequence. */
    private String nextPayerControlNumber(Payer payer, LocalDate paymentDate) {
        int sequence = claimSequence.merge(payer, 1, Integer::sum);
        return paymentDate.format(JULIAN) + payer.number() + String.format("%09d", controlNumberBase + sequence);
    }

    private double payerWeight(Payer payer) {
        long samePlan = payers.stream().filter(p -> p.planType() == payer.planType()).count();
        return settings.weightOf(payer.planType()) / samePlan;
    }

    private <T> T pick(List<T> choices, ToDoubleFunction<T> weight) {
        double total = choices.stream().mapToDouble(weight).sum();
        double roll = random.nextDouble() * total;
        for (T choice : choices) {
            roll -= weight.applyAsDouble(choice);
            if (roll < 0) {
                return choice;
            }
        }
        return choices.get(choices.size() - 1);
    }
}

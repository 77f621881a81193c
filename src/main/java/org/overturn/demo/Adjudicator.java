package org.overturn.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plays the payer: prices each line on its fee schedule, applies the member's cost sharing, and denies what
 * the scenario says, writing every difference between charge and payment as a CAS adjustment so that the
 * decision balances.
 */
final class Adjudicator {

    enum Outcome { PAID, FULL_DENIAL, PARTIAL_DENIAL }

    private static final BigDecimal SEQUESTRATION = new BigDecimal("0.02");
    private static final BigDecimal MEDICARE_DEDUCTIBLE = new BigDecimal("257.00");

    ClaimDecision adjudicate(BilledClaim claim, Outcome outcome, DenialScenario scenario, String controlNumber,
                             LocalDate received, BigDecimal rateFactor, SplittableRandom random) {
        BigDecimal charge = claim.charge();
        if (outcome == Outcome.FULL_DENIAL && scenario.mayDenyAtClaimLevel() && random.nextInt(10) < 4) {
            return new ClaimDecision(claim, "4", controlNumber, charge, zero(),
                    List.of(new CasAmount(scenario.group(), scenario.reason(), charge)), scenario.remarks(),
                    List.of(), received);
        }
        Set<Integer> denied = deniedLines(claim, outcome, scenario, random);
        CostSharing sharing = CostSharing.of(claim, outcome == Outcome.PAID, random);
        Payer payer = claim.patient().payer();
        BigDecimal rate = payer.allowedRate().multiply(rateFactor);

        List<LineDecision> lines = new ArrayList<>(claim.lines().size());
        Set<LocalDate> copayTaken = new HashSet<>();
        BigDecimal paid = zero();
        for (int i = 0; i < claim.lines().size(); i++) {
            BilledLine billed = claim.lines().get(i);
            String lineControl = claim.patientControlNumber() + "-" + (i + 1);
            BigDecimal allowed = money(billed.charge().multiply(rate)).min(billed.charge());
            LineDecision line = denied.contains(i)
                    ? deny(billed, allowed, scenario, payer, lineControl, random)
                    : pay(billed, allowed, sharing, copayTaken, outcome == Outcome.PARTIAL_DENIAL, lineControl);
            lines.add(line);
            paid = paid.add(line.paid());
        }
        // some payers answer a full denial with "processed as primary" and nothing paid
        String status = outcome == Outcome.FULL_DENIAL && random.nextInt(100) >= 15 ? "4" : "1";
        return new ClaimDecision(claim, status, controlNumber, charge, paid, List.of(), List.of(), lines, received);
    }

    private static LineDecision pay(BilledLine billed, BigDecimal allowed, CostSharing sharing,
                                    Set<LocalDate> copayTaken, boolean keepSomethingPaid, String controlNumber) {
        List<CasAmount> adjustments = new ArrayList<>(4);
        BigDecimal contractual = billed.charge().subtract(allowed);
        if (contractual.signum() > 0) {
            adjustments.add(new CasAmount("CO", "45", contractual));
        }
        BigDecimal remaining = allowed;
        BigDecimal deductible = sharing.takeDeductible(remaining);
        remaining = remaining.subtract(deductible);
        BigDecimal copay = zero();
        if (sharing.copay().signum() > 0 && !billed.procedure().isAddOn() && copayTaken.add(billed.serviceDate())) {
            copay = sharing.copay().min(remaining);
            if (keepSomethingPaid && copay.compareTo(remaining) >= 0) {
                copay = money(remaining.divide(BigDecimal.valueOf(2), RoundingMode.HALF_UP));
            }
            remaining = remaining.subtract(copay);
        }
        BigDecimal coinsurance = money(remaining.multiply(sharing.coinsurance()));
        remaining = remaining.subtract(coinsurance);
        BigDecimal sequestration = sharing.sequestered() ? money(remaining.multiply(SEQUESTRATION)) : zero();
        remaining = remaining.subtract(sequestration);
        if (sequestration.signum() > 0) {
            adjustments.add(new CasAmount("CO", "253", sequestration));
        }
        addIfPositive(adjustments, "PR", "1", deductible);
        addIfPositive(adjustments, "PR", "2", coinsurance);
        addIfPositive(adjustments, "PR", "3", copay);
        return new LineDecision(billed.procedure(), billed.modifiers(), billed.serviceDate(), billed.units(),
                billed.charge(), remaining, allowed, adjustments, List.of(), controlNumber);
    }

    private static LineDecision deny(BilledLine billed, BigDecimal allowed, DenialScenario scenario, Payer payer,
                                     String controlNumber, SplittableRandom random) {
        List<CasAmount> adjustments = new ArrayList<>(2);
        BigDecimal contractual = billed.charge().subtract(allowed);
        // some payers first reduce to the fee schedule, then deny what is left
        if ("CO".equals(scenario.group()) && contractual.signum() > 0 && random.nextInt(5) == 0) {
            adjustments.add(new CasAmount("CO", "45", contractual));
            adjustments.add(new CasAmount(scenario.group(), scenario.reason(), allowed));
        } else {
            adjustments.add(new CasAmount(scenario.group(), scenario.reason(), billed.charge()));
        }
        List<String> modifiers = scenario == DenialScenario.TELEHEALTH_CODING
                ? outdatedTelehealthModifiers(billed.modifiers(), payer) : billed.modifiers();
        return new LineDecision(billed.procedure(), modifiers, billed.serviceDate(), billed.units(), billed.charge(),
                zero(), null, adjustments, scenario.remarks(), controlNumber);
    }

    /** The classic telehealth coding error: the modifier this payer no longer (or never) accepts. */
    private static List<String> outdatedTelehealthModifiers(List<String> modifiers, Payer payer) {
        String wrong = "GT".equals(payer.telehealthModifier()) ? "95" : "GT";
        return modifiers.stream().map(m -> isTelehealthModifier(m) ? wrong : m).toList();
    }

    private static boolean isTelehealthModifier(String modifier) {
        return switch (modifier) {
            case "95", "GT", "93", "FQ" -> true;
            default -> false;
        };
    }

    private static Set<Integer> deniedLines(BilledClaim claim, Outcome outcome, DenialScenario scenario,
                                            SplittableRandom random) {
        List<BilledLine> lines = claim.lines();
        Set<Integer> denied = new HashSet<>();
        if (outcome == Outcome.PAID) {
            return denied;
        }
        if (outcome == Outcome.FULL_DENIAL || lines.size() < 2) {
            for (int i = 0; i < lines.size(); i++) {
                denied.add(i);
            }
            return denied;
        }
        switch (scenario.partialLines()) {
            case LATER_DATES -> {
                List<LocalDate> dates = lines.stream().map(BilledLine::serviceDate).distinct().sorted().toList();
                LocalDate cutoff = dates.get(dates.size() > 1 ? 1 + random.nextInt(dates.size() - 1) : 0);
                addWhere(denied, lines, l -> !l.serviceDate().isBefore(cutoff));
            }
            case TELEHEALTH_LINES -> addWhere(denied, lines, BilledLine::telehealth);
            case ADD_ON_LINES -> addWhere(denied, lines, l -> l.procedure().isAddOn());
            case ONE_LINE, NONE -> denied.add(random.nextInt(lines.size()));
        }
        if (denied.isEmpty() || denied.size() == lines.size()) {
            denied.clear();
            denied.add(lines.size() - 1);
        }
        return denied;
    }

    private static void addWhere(Set<Integer> indexes, List<BilledLine> lines,
                                 java.util.function.Predicate<BilledLine> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                indexes.add(i);
            }
        }
    }

    private static void addIfPositive(List<CasAmount> adjustments, String group, String reason, BigDecimal amount) {
        if (amount.signum() > 0) {
            adjustments.add(new CasAmount(group, reason, amount));
        }
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /**
     * What the member pays on this claim: a copay per visit day, coinsurance on what is left, a deductible not
     * yet met, and for Medicare the 2% sequestration the payer keeps.
     */
    private static final class CostSharing {

        private final BigDecimal copay;
        private final BigDecimal coinsurance;
        private final boolean sequestered;
        private BigDecimal deductibleLeft;

        private CostSharing(BigDecimal copay, BigDecimal coinsurance, BigDecimal deductible, boolean sequestered) {
            this.copay = copay;
            this.coinsurance = coinsurance;
            this.deductibleLeft = deductible;
            this.sequestered = sequestered;
        }

        /** A deductible only on fully paid claims, so that a partial denial always keeps a paid line. */
        static CostSharing of(BilledClaim claim, boolean deductibleAllowed, SplittableRandom random) {
            boolean perDiem = claim.institutional();
            int roll = random.nextInt(100);
            BigDecimal deductible = zero();
            return switch (claim.patient().payer().planType()) {
                case COMMERCIAL_PPO, COMMERCIAL_POS -> {
                    if (deductibleAllowed && roll < 15) {
                        deductible = money(BigDecimal.valueOf(30 + random.nextInt(370)));
                    }
                    yield perDiem ? new CostSharing(zero(), new BigDecimal("0.20"), deductible, false)
                            : new CostSharing(copayOf(25, 30, 40, random), BigDecimal.ZERO, deductible, false);
                }
                case COMMERCIAL_HMO -> {
                    if (deductibleAllowed && roll < 5) {
                        deductible = money(BigDecimal.valueOf(50 + random.nextInt(200)));
                    }
                    yield perDiem ? new CostSharing(zero(), new BigDecimal("0.10"), deductible, false)
                            : new CostSharing(money(BigDecimal.valueOf(20)), BigDecimal.ZERO, deductible, false);
                }
                case MEDICARE -> {
                    if (deductibleAllowed && roll < 8) {
                        deductible = MEDICARE_DEDUCTIBLE.subtract(BigDecimal.valueOf(random.nextInt(200)));
                    }
                    yield new CostSharing(zero(), new BigDecimal("0.20"), deductible, true);
                }
                case MEDICARE_ADVANTAGE -> perDiem
                        ? new CostSharing(zero(), new BigDecimal("0.20"), deductible, false)
                        : new CostSharing(copayOf(20, 30, 40, random), BigDecimal.ZERO, deductible, false);
                case MEDICAID -> new CostSharing(roll < 10 ? new BigDecimal("3.00") : zero(), BigDecimal.ZERO,
                        deductible, false);
            };
        }

        private static BigDecimal copayOf(int low, int middle, int high, SplittableRandom random) {
            int[] choices = {low, middle, high};
            return money(BigDecimal.valueOf(choices[random.nextInt(3)]));
        }

        BigDecimal copay() {
            return copay;
        }

        BigDecimal coinsurance() {
            return coinsurance;
        }

        boolean sequestered() {
            return sequestered;
        }

        BigDecimal takeDeductible(BigDecimal available) {
            BigDecimal taken = deductibleLeft.min(available);
            deductibleLeft = deductibleLeft.subtract(taken);
            return taken;
        }
    }
}

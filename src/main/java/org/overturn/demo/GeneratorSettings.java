package org.overturn.demo;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the remittance generator writes. The same settings always produce the same bytes.
 *
 * @param seed                       seeds every random choice
 * @param claimCount                 CLP segments in the file, reversals included
 * @param claimsPerTransaction       claims per ST..SE (one payer's payment each); the last set takes the rest.
 *                                   A set's claims are held in memory because BPR02 precedes them.
 * @param transactionsPerInterchange ST..SE sets per ISA..IEA (one GS each)
 * @param denialRate                 share of adjudicated claims (reversals aside) that are denials, full or partial
 * @param partialShare               share of denials that are partial (some lines paid, some denied)
 * @param payerMix                   relative weight of each plan type among transactions; missing types weigh 0
 * @param firstPaymentDate           check/EFT date of the first transaction
 * @param lastPaymentDate            check/EFT date of the last transaction; service dates fall before the payments
 * @param part2Share                 share of claims for SUD services of the clinic's Part 2 program
 * @param reversalRate               share of claim slots spent on a reversal (CLP02 22) of an earlier payment
 *                                   followed by its re-adjudication
 */
public record GeneratorSettings(
        long seed,
        int claimCount,
        int claimsPerTransaction,
        int transactionsPerInterchange,
        double denialRate,
        double partialShare,
        Map<PlanType, Double> payerMix,
        LocalDate firstPaymentDate,
        LocalDate lastPaymentDate,
        double part2Share,
        double reversalRate) {

    /** Bounds the claims held in memory for one transaction set. */
    public static final int MAX_CLAIMS_PER_TRANSACTION = 10_000;

    public GeneratorSettings {
        Objects.requireNonNull(payerMix, "payerMix");
        Objects.requireNonNull(firstPaymentDate, "firstPaymentDate");
        Objects.requireNonNull(lastPaymentDate, "lastPaymentDate");
        require(claimCount >= 1, "claimCount must be positive");
        require(claimsPerTransaction >= 1 && claimsPerTransaction <= MAX_CLAIMS_PER_TRANSACTION,
                "claimsPerTransaction must be 1.." + MAX_CLAIMS_PER_TRANSACTION);
        require(transactionsPerInterchange >= 1, "transactionsPerInterchange must be positive");
        requireShare(denialRate, "denialRate");
        requireShare(partialShare, "partialShare");
        requireShare(part2Share, "part2Share");
        require(reversalRate >= 0 && reversalRate <= 0.5, "reversalRate must be 0..0.5");
        require(!lastPaymentDate.isBefore(firstPaymentDate), "lastPaymentDate must not precede firstPaymentDate");
        EnumMap<PlanType, Double> mix = new EnumMap<>(PlanType.class);
        payerMix.forEach((type, weight) -> {
            require(weight != null && weight >= 0 && Double.isFinite(weight), "payerMix weights must be >= 0");
            mix.put(type, weight);
        });
        require(mix.values().stream().mapToDouble(Double::doubleValue).sum() > 0, "payerMix needs a positive weight");
        payerMix = Collections.unmodifiableMap(mix);
    }

    /** A realistic month-end mix: 1,000 claims, 13% denied (a third of them partially), 12% Part 2. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(835L, 1_000, 250, 10, 0.13, 0.30, defaultPayerMix(),
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), 0.12, 0.01);
    }

    /** Roughly a community behavioral-health practice: a third Medicaid, a fifth Medicare or Medicare Advantage. */
    public static Map<PlanType, Double> defaultPayerMix() {
        EnumMap<PlanType, Double> mix = new EnumMap<>(PlanType.class);
        mix.put(PlanType.COMMERCIAL_PPO, 0.25);
        mix.put(PlanType.COMMERCIAL_POS, 0.07);
        mix.put(PlanType.COMMERCIAL_HMO, 0.13);
        mix.put(PlanType.MEDICARE, 0.12);
        mix.put(PlanType.MEDICARE_ADVANTAGE, 0.10);
        mix.put(PlanType.MEDICAID, 0.33);
        return mix;
    }

    public GeneratorSettings withSeed(long value) {
        return new GeneratorSettings(value, claimCount, claimsPerTransaction, transactionsPerInterchange, denialRate,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withClaimCount(int value) {
        return new GeneratorSettings(seed, value, claimsPerTransaction, transactionsPerInterchange, denialRate,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withClaimsPerTransaction(int value) {
        return new GeneratorSettings(seed, claimCount, value, transactionsPerInterchange, denialRate,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withTransactionsPerInterchange(int value) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, value, denialRate,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withDenialRate(double value) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, transactionsPerInterchange, value,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withPartialShare(double value) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, transactionsPerInterchange, denialRate,
                value, payerMix, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withPayerMix(Map<PlanType, Double> value) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, transactionsPerInterchange, denialRate,
                partialShare, value, firstPaymentDate, lastPaymentDate, part2Share, reversalRate);
    }

    public GeneratorSettings withPaymentDates(LocalDate first, LocalDate last) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, transactionsPerInterchange, denialRate,
                partialShare, payerMix, first, last, part2Share, reversalRate);
    }

    public GeneratorSettings withPart2Share(double value) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, transactionsPerInterchange, denialRate,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, value, reversalRate);
    }

    public GeneratorSettings withReversalRate(double value) {
        return new GeneratorSettings(seed, claimCount, claimsPerTransaction, transactionsPerInterchange, denialRate,
                partialShare, payerMix, firstPaymentDate, lastPaymentDate, part2Share, value);
    }

    /** ST..SE sets the file will hold. */
    public int transactionCount() {
        return (claimCount + claimsPerTransaction - 1) / claimsPerTransaction;
    }

    /** ISA..IEA envelopes the file will hold. */
    public int interchangeCount() {
        return (transactionCount() + transactionsPerInterchange - 1) / transactionsPerInterchange;
    }

    double weightOf(PlanType type) {
        return payerMix.getOrDefault(type, 0.0);
    }

    private static void requireShare(double value, String name) {
        require(value >= 0 && value <= 1, name + " must be 0..1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

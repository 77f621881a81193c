package org.overturn.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.overturn.claimstatus.ClaimStatusAnswers;
import org.overturn.remittance.UnreadableTransaction;

/**
 * The answer to "what happened to my file": stored (with counts), a duplicate of a file already on file, or
 * rejected with the reason. Carries no PHI.
 *
 * <p>An 835 some of whose transaction sets could not be read is stored (or a duplicate) for the others; those left
 * out are listed in {@code unreadable}, and {@code quarantineId} is the quarantine entry that keeps the file for them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntakeResult(
        String fileName,
        Outcome outcome,
        boolean duplicate,
        Long fileId,
        Long quarantineId,
        String error,
        int transactions,
        int claims,
        int denials,
        BigDecimal amountAtRisk,
        int duplicateTransactions,
        List<TransactionSummary> remittances,
        String kind,
        ClaimFileSummary claimFile,
        List<UnreadableTransaction> unreadable,
        StatusSummary claimStatus) {

    public IntakeResult {
        unreadable = List.copyOf(unreadable);
    }

    /** Any result but a 277 claim status response's. */
    IntakeResult(String fileName, Outcome outcome, boolean duplicate, Long fileId, Long quarantineId, String error,
                 int transactions, int claims, int denials, BigDecimal amountAtRisk, int duplicateTransactions,
                 List<TransactionSummary> remittances, String kind, ClaimFileSummary claimFile,
                 List<UnreadableTransaction> unreadable) {
        this(fileName, outcome, duplicate, fileId, quarantineId, error, transactions, claims, denials, amountAtRisk,
                duplicateTransactions, remittances, kind, claimFile, unreadable, null);
    }

    /**
     * What a 277 claim status response (005010X212) did: its claim statuses, how many found the follow-up whose 276
     * they answer (by its trace) or their claim (by its patient control number, payer, amount or dates), how many
     * moved a running follow-up, and the statuses nothing matched (by segment and trace: kept, listed, not dropped).
     */
    public record StatusSummary(int statuses, int matched, int matchedByTrace, int matchedByClaim, int acted,
                                List<ClaimStatusAnswers.Unmatched> unmatched) {
    }

    /** A 277 claim status response stored. */
    static IntakeResult statusResponse(String fileName, long fileId, ClaimStatusAnswers.Taken taken) {
        return new IntakeResult(fileName, Outcome.STORED, false, fileId, null, null, 0, 0, 0,
                BigDecimal.ZERO.setScale(2), 0, List.of(), "277", null, List.of(),
                new StatusSummary(taken.statuses(), taken.matchedByTrace() + taken.matchedByClaim(),
                        taken.matchedByTrace(), taken.matchedByClaim(), taken.acted(), taken.unmatched()));
    }

    /** The 835 result without the claim-file part. */
    IntakeResult(String fileName, Outcome outcome, boolean duplicate, Long fileId, Long quarantineId, String error,
                 int transactions, int claims, int denials, BigDecimal amountAtRisk, int duplicateTransactions,
                 List<TransactionSummary> remittances) {
        this(fileName, outcome, duplicate, fileId, quarantineId, error, transactions, claims, denials, amountAtRisk,
                duplicateTransactions, remittances, "835", null, List.of());
    }

    /** This 835 result, with the transaction sets left out of it and the quarantine entry that keeps them. */
    IntakeResult withUnreadable(long quarantine, List<UnreadableTransaction> leftOut) {
        return new IntakeResult(fileName, outcome, duplicate, fileId, quarantine, error, transactions, claims, denials,
                amountAtRisk, duplicateTransactions, remittances, kind, claimFile, leftOut);
    }

    /**
     * What an 837, 999 or 277CA did: claims stored and already on file, denials on file that now have their claim,
     * and for acknowledgements how many answers were joined to a claim and how many say rejected.
     */
    public record ClaimFileSummary(int claimsStored, int duplicateClaims, int denialsJoined, int answers,
                                   int answersJoined, int rejected) {
    }

    /** An 837, 999 or 277CA stored. */
    static IntakeResult claimFile(String fileName, String kind, long fileId, ClaimFileSummary summary) {
        return new IntakeResult(fileName, Outcome.STORED, false, fileId, null, null, 0,
                summary.claimsStored(), 0, BigDecimal.ZERO.setScale(2), 0, List.of(), kind, summary, List.of());
    }

    /** An 837, 999 or 277CA whose bytes, or every claim of which, are on file already. */
    static IntakeResult duplicateClaimFile(String fileName, String kind, Long fileId, ClaimFileSummary summary) {
        return new IntakeResult(fileName, Outcome.DUPLICATE, true, fileId, null, null, 0, 0, 0,
                BigDecimal.ZERO.setScale(2), 0, List.of(), kind, summary, List.of());
    }

    /** Any file refused, with its kind when it told one. */
    static IntakeResult rejected(String fileName, String kind, long quarantineId, String error) {
        return new IntakeResult(fileName, Outcome.REJECTED, false, null, quarantineId, error, 0, 0, 0,
                BigDecimal.ZERO.setScale(2), 0, List.of(), kind, null, List.of());
    }

    public enum Outcome { STORED, DUPLICATE, REJECTED }

    /**
     * One transaction set of an 835: {@code balanced} says whether its money balances ({@code balanceProblems} say
     * where not); {@code envelopeWarnings}, what its SE, GE or IEA trailer got wrong.
     */
    public record TransactionSummary(Long remittanceId, String controlNumber, String payerName, String payerId,
                                     String trace, BigDecimal paymentAmount, LocalDate paymentDate, int claims,
                                     int denials, boolean balanced, List<String> balanceProblems,
                                     boolean duplicate, List<String> envelopeWarnings) {
    }

    static IntakeResult duplicatePayments(String fileName, int duplicateTransactions,
                                          List<TransactionSummary> remittances) {
        return new IntakeResult(fileName, Outcome.DUPLICATE, true, null, null, null, 0, 0, 0,
                BigDecimal.ZERO.setScale(2), duplicateTransactions, remittances);
    }

    static IntakeResult duplicateFile(String fileName, long fileId) {
        return new IntakeResult(fileName, Outcome.DUPLICATE, true, fileId, null,
                null, 0, 0, 0, BigDecimal.ZERO.setScale(2), 0, List.of());
    }
}

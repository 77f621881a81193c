package org.overturn.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "what happened to my file": stored (with counts), a duplicate of a file already on file, or
 * rejected with the reason. Carries no PHI.
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
        List<TransactionSummary> remittances) {

    public enum Outcome { STORED, DUPLICATE, REJECTED }

    public record TransactionSummary(Long remittanceId, String controlNumber, String payerName, String payerId,
                                     String trace, BigDecimal paymentAmount, LocalDate paymentDate, int claims,
                                     int denials, boolean balanced, List<String> balanceProblems,
                                     boolean duplicate) {
    }

    static IntakeResult rejected(String fileName, long quarantineId, String error) {
        return new IntakeResult(fileName, Outcome.REJECTED, false, null, quarantineId, error, 0, 0, 0,
                BigDecimal.ZERO.setScale(2), 0, List.of());
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

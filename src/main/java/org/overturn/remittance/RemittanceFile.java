package org.overturn.remittance;

import java.util.List;

/**
 * Everything one 835 file carried: every ST..SE transaction set of every interchange, in file order; and those
 * that could not be read while others could (a file none of whose transaction sets reads is refused whole).
 */
public record RemittanceFile(List<RemittanceAdvice> transactions, List<UnreadableTransaction> unreadable) {

    public RemittanceFile {
        transactions = List.copyOf(transactions);
        unreadable = List.copyOf(unreadable);
    }

    public int claimCount() {
        return transactions.stream().mapToInt(t -> t.claims().size()).sum();
    }
}

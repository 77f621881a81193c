package org.overturn.remittance;

import java.util.List;

/** Everything one 835 file carried: every ST..SE transaction set of every interchange, in file order. */
public record RemittanceFile(List<RemittanceAdvice> transactions) {

    public RemittanceFile {
        transactions = List.copyOf(transactions);
    }

    public int claimCount() {
        return transactions.stream().mapToInt(t -> t.claims().size()).sum();
    }
}

package org.overturn.claim;

import java.util.List;

/** A whole 837 file: every transaction set of every functional group and interchange, in file order. */
public record ClaimFile(List<ClaimTransaction> transactions) {

    public ClaimFile {
        transactions = List.copyOf(transactions);
    }

    /** The kind of the file's first transaction (a file holds one kind in practice), or null when empty. */
    public ClaimKind kind() {
        return transactions.isEmpty() ? null : transactions.get(0).kind();
    }

    public int claimCount() {
        return transactions.stream().mapToInt(t -> t.claims().size()).sum();
    }
}

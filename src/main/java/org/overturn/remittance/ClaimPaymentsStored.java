package org.overturn.remittance;

import java.util.List;

/**
 * Published, inside the storing transaction, once per stored transaction set with every claim payment it
 * carried, in file order: a payer's answers that open corrections or appeals may be waiting for. One event per
 * set lets a listener look up what it needs for all of them at once.
 */
public record ClaimPaymentsStored(long remittanceId, List<ClaimPaymentStored> payments) {

    public ClaimPaymentsStored {
        payments = List.copyOf(payments);
    }
}

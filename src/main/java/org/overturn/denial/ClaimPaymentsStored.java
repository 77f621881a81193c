package org.overturn.denial;

import java.util.List;

/**
 * Published by intake, inside the storing transaction, once per stored transaction set with every claim payment it
 * carried and the denial each raised, in file order: a payer's answers that open corrections or appeals may be
 * waiting for, and new denials whose processes must start. One event per set lets a listener look up what it needs
 * for all of them at once. It belongs to this module because it carries the denials registered here.
 */
public record ClaimPaymentsStored(long remittanceId, List<ClaimPaymentStored> payments) {

    public ClaimPaymentsStored {
        payments = List.copyOf(payments);
    }
}

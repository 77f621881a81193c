package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import java.math.BigDecimal;
import java.util.List;

import org.overturn.remittance.Adjustment;
import org.overturn.x12.MalformedX12Exception;

/** CAS: a group code and up to six reason/amount/quantity triplets (CAS02-04 ... CAS17-19). */
final class AdjustmentSegment {

    private static final int LAST_REASON = 17;

    private AdjustmentSegment() {
    }

    static void read(Segment cas, Adjustment.Level level, List<Adjustment> into) throws MalformedX12Exception {
        String group = cas.requiredText(1, 2);
        cas.requiredText(2);
        cas.requiredAmount(3);
        for (int reasonElement = 2; reasonElement <= LAST_REASON; reasonElement += 3) {
            String reason = cas.text(reasonElement, 5);
            BigDecimal amount = cas.amount(reasonElement + 1);
            BigDecimal quantity = cas.amount(reasonElement + 2);
            if (reason == null) {
                if (amount != null || quantity != null) {
                    throw cas.missing(reasonElement);
                }
                continue;
            }
            if (amount == null) {
                throw cas.missing(reasonElement + 1);
            }
            into.add(new Adjustment(level, group, reason, amount, quantity));
        }
    }
}

package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import org.overturn.x12.Composite;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.ProviderAdjustment;

/**
 * PLB: provider id, fiscal period date, then up to six pairs of a composite reason (PLB03-1 reason code,
 * PLB03-2 the payer's reference) and an amount (PLB03/04 ... PLB13/14).
 */
final class ProviderAdjustmentSegment {

    private static final int LAST_REASON = 13;

    private ProviderAdjustmentSegment() {
    }

    static void read(Segment plb, List<ProviderAdjustment> into) throws MalformedX12Exception {
        String providerId = plb.requiredText(1, 50);
        LocalDate fiscalPeriod = plb.requiredDate(2);
        plb.requiredText(3);
        plb.requiredAmount(4);
        for (int reasonElement = 3; reasonElement <= LAST_REASON; reasonElement += 2) {
            String[] reason = Composite.parts(plb, reasonElement);
            BigDecimal amount = plb.amount(reasonElement + 1);
            if (reason == null || reason[0] == null) {
                if (amount != null) {
                    throw plb.missing(reasonElement);
                }
                continue;
            }
            if (amount == null) {
                throw plb.missing(reasonElement + 1);
            }
            plb.checkLength(plb.name(reasonElement) + "-1 (reason)", reason[0], 2);
            String reference = plb.checkLength(plb.name(reasonElement) + "-2 (reference)",
                    reason.length > 1 ? reason[1] : null, 50);
            into.add(new ProviderAdjustment(providerId, fiscalPeriod, reason[0], reference, amount));
        }
    }
}

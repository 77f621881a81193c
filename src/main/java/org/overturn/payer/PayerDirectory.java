package org.overturn.payer;

import java.time.Clock;
import java.util.Optional;
import org.overturn.payer.internal.Payer;
import org.overturn.payer.internal.PayerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks payers up, creating the ones an 835 introduces with the default terms of their plan type. */
@Service
public class PayerDirectory {

    private final PayerRepository payers;
    private final PayerTerms terms;
    private final Clock clock;

    PayerDirectory(PayerRepository payers, PayerTerms terms, Clock clock) {
        this.payers = payers;
        this.terms = terms;
        this.clock = clock;
    }

    /** The payer's appeal limit in days; a payer without an id gets the default of the claim's plan type. */
    @Transactional
    public int appealLimitDays(String payerId, String payerName, String filingIndicator) {
        PlanType type = PlanType.fromFilingIndicator(filingIndicator);
        if (payerId == null || payerId.isBlank()) {
            return terms.appealLimitDays(type);
        }
        return payers.findById(payerId)
                .orElseGet(() -> payers.save(new Payer(payerId, payerName, type, terms.appealLimitDays(type),
                        clock.instant())))
                .getAppealLimitDays();
    }

    @Transactional(readOnly = true)
    public Optional<PlanType> planType(String payerId) {
        return payerId == null ? Optional.empty() : payers.findById(payerId).map(Payer::getPlanType);
    }
}

package org.overturn.denial;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.overturn.denial.internal.DenialRepository;
import org.overturn.payer.CorrectedClaimClock;
import org.overturn.payer.PayerDirectory;
import org.overturn.remittance.ClaimRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A corrected claim's filing limit, checked before it is resubmitted: the payer's timely-filing days from the date
 * the payer directory says the payer counts from (the date of service unless set to its last action). The date of
 * service is the claim as billed when the 837 is on file, else the 835's.
 */
@Service
public class CorrectedClaimLimits {

    private final DenialRepository denials;
    private final PayerDirectory payers;
    private final ClaimRecords claims;
    private final BilledClaims billed;
    private final Clock clock;

    CorrectedClaimLimits(DenialRepository denials, PayerDirectory payers, ClaimRecords claims, BilledClaims billed,
                         Clock clock) {
        this.denials = denials;
        this.payers = payers;
        this.claims = claims;
        this.billed = billed;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<CorrectedClaimFiling> of(long denialId) {
        return denials.findForReading(denialId).map(denial -> {
            var record = claims.find(denial.getClaimPaymentId());
            String filing = record.map(ClaimRecords.ClaimRecord::filingIndicator).orElse(null);
            int limit = payers.timelyFilingDays(denial.getPayerId(), denial.getPracticeId(), filing);
            CorrectedClaimClock clockFrom = Optional.ofNullable(
                    payers.appealTerms(denial.getPayerId(), denial.getPracticeId())
                    .correctedClaimClock()).orElse(CorrectedClaimClock.DATE_OF_SERVICE);
            LocalDate from = clockFrom == CorrectedClaimClock.LAST_PAYER_ACTION ? denial.getRemittanceDate()
                    : billed.of(denial.getClaimPaymentId(), denial.getPayerId())
                            .map(b -> b.timelyFiling().firstServiceDate())
                            .or(() -> record.map(ClaimRecords.ClaimRecord::firstServiceDate)).orElse(null);
            LocalDate today = LocalDate.now(clock);
            LocalDate due = from == null ? null : from.plusDays(limit);
            boolean confirmed = payers.profile(denial.getPayerId()).map(p -> !p.needsReview()).orElse(false);
            return new CorrectedClaimFiling(limit, clockFrom, from, due,
                    due == null ? null : ChronoUnit.DAYS.between(today, due),
                    due == null ? null : !today.isAfter(due), confirmed);
        });
    }

    /** The same, for a denial whose claim can be corrected; empty for one that cannot. */
    @Transactional(readOnly = true)
    public Optional<CorrectedClaimFiling> ofCorrectable(long denialId) {
        return denials.findForReading(denialId).filter(d -> d.isCorrectable()).flatMap(d -> of(denialId));
    }

    /**
     * Why a corrected claim may not go out: its payer's confirmed limit has passed. Empty when it may, or when the
     * limit rests on default terms nobody confirmed (shown, not enforced).
     */
    @Transactional(readOnly = true)
    public Optional<String> refusal(long denialId) {
        return of(denialId).filter(f -> f.termsConfirmed() && Boolean.FALSE.equals(f.withinLimit()))
                .map(f -> "The payer's limit for a corrected claim (" + f.limitDays() + " days from the "
                        + (f.countsFrom() == CorrectedClaimClock.LAST_PAYER_ACTION ? "payer's last action"
                        : "date of service") + ") passed on " + f.dueOn() + ": appeal instead");
    }

}

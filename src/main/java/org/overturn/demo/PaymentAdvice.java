package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One transaction set before it is written: a payer's payment to the clinic and what it settles. */
record PaymentAdvice(Payer payer, LocalDate paymentDate, String trace, List<ClaimDecision> claims,
                     List<ProviderLevelAdjustment> providerAdjustments) {

    PaymentAdvice {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    /** BPR02 = Σ CLP04 − Σ PLB. */
    BigDecimal total() {
        return total(claims, providerAdjustments);
    }

    static BigDecimal total(List<ClaimDecision> claims, List<ProviderLevelAdjustment> providerAdjustments) {
        BigDecimal paid = claims.stream().map(ClaimDecision::paid).reduce(Adjudicator.zero(), BigDecimal::add);
        BigDecimal provider = providerAdjustments.stream().map(ProviderLevelAdjustment::amount)
                .reduce(Adjudicator.zero(), BigDecimal::add);
        return paid.subtract(provider);
    }

    /** The production date (DTM*405): payers cut the file a couple of days before the money moves. */
    LocalDate productionDate() {
        return paymentDate.minusDays(2);
    }
}

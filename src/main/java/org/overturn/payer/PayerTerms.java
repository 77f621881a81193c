package org.overturn.payer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default appeal limits in days from the remittance date, per plan type, used until someone enters a payer's
 * own terms: 180 commercial (ERISA internal appeal), 120 Medicare redetermination, 60 Medicare Advantage
 * reconsideration, 90 Medicaid, 90 TRICARE.
 */
@ConfigurationProperties("overturn.payers.appeal-limit-days")
public record PayerTerms(@DefaultValue("180") int commercial, @DefaultValue("120") int medicare,
                         @DefaultValue("60") int medicareAdvantage, @DefaultValue("90") int medicaid,
                         @DefaultValue("90") int tricare, @DefaultValue("180") int other) {

    public int appealLimitDays(PlanType type) {
        return switch (type) {
            case COMMERCIAL -> commercial;
            case MEDICARE -> medicare;
            case MEDICARE_ADVANTAGE -> medicareAdvantage;
            case MEDICAID -> medicaid;
            case TRICARE -> tricare;
            case OTHER -> other;
        };
    }
}

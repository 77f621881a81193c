package org.overturn.payer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default timely-filing limits in days from the date of service, per plan type, until someone enters a payer's own:
 * 365 for Medicare and TRICARE (one year by federal rule), 90 for everyone else. Commercial contracts, Medicare
 * Advantage plans and state Medicaid programs range from 90 days to a year; the shortest is the safe guess, as a
 * limit set too long loses claims while one set too short only makes billers file sooner.
 */
@ConfigurationProperties("overturn.payers.timely-filing-days")
record TimelyFilingTerms(@DefaultValue("90") int commercial, @DefaultValue("365") int medicare,
                         @DefaultValue("90") int medicareAdvantage, @DefaultValue("90") int medicaid,
                         @DefaultValue("365") int tricare, @DefaultValue("90") int other) {

    int timelyFilingDays(PlanType type) {
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

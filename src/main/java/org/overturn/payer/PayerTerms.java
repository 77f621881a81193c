package org.overturn.payer;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default appeal limits in days from the remittance date, per plan type, used until someone enters a payer's
 * own terms: 180 commercial (ERISA internal appeal), 120 Medicare redetermination, 60 Medicare Advantage
 * reconsideration, 90 Medicaid, 90 TRICARE.
 */
@ConfigurationProperties("overturn.payers")
public record PayerTerms(@DefaultValue({"COMMERCIAL=180", "MEDICARE=120", "MEDICARE_ADVANTAGE=60", "MEDICAID=90",
        "TRICARE=90", "OTHER=180"}) Map<PlanType, Integer> appealLimitDays) {

    public int appealLimitDays(PlanType type) {
        return appealLimitDays.getOrDefault(type, 180);
    }
}

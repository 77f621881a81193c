package org.overturn.parity;

import java.util.Map;

/** The kinds of treatment limitation the parity screen names, in words. */
final class Limitations {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("QUANTITATIVE_VISIT_LIMIT", "visit or day limit (quantitative treatment limitation)"),
            Map.entry("FINANCIAL_REQUIREMENT", "copay, coinsurance or payment reduction on mental health services "
                    + "(financial requirement)"),
            Map.entry("NQTL_PRIOR_AUTHORIZATION", "prior authorization (non-quantitative treatment limitation)"),
            Map.entry("NQTL_CONCURRENT_REVIEW", "concurrent review (non-quantitative treatment limitation)"),
            Map.entry("NQTL_CONCURRENT_REVIEW_FREQUENCY",
                    "frequency of concurrent review (non-quantitative treatment limitation)"),
            Map.entry("NQTL_MEDICAL_NECESSITY", "medical necessity criteria (non-quantitative treatment limitation)"),
            Map.entry("NQTL_SERVICE_EXCLUSION", "service or setting exclusion (non-quantitative treatment limitation)"),
            Map.entry("NQTL_PROVIDER_NETWORK",
                    "provider type or network admission (non-quantitative treatment limitation)"),
            Map.entry("NQTL_NETWORK_ADMISSION",
                    "standards for admission to the provider network (non-quantitative treatment limitation)"),
            Map.entry("NQTL_REIMBURSEMENT_RATE",
                    "reimbursement rates for network providers (non-quantitative treatment limitation)"),
            Map.entry("NQTL_STEP_THERAPY", "fail-first or step therapy (non-quantitative treatment limitation)"),
            Map.entry("NQTL_TELEHEALTH", "telehealth restriction (non-quantitative treatment limitation)"),
            Map.entry("NQTL_PROVIDER_CREDENTIAL", "provider credential or specialty restriction applied to behavioral "
                    + "health (non-quantitative treatment limitation)"),
            Map.entry("NONE", "none"));

    private Limitations() {
    }

    static String label(String limitation) {
        return LABELS.getOrDefault(limitation, limitation);
    }
}

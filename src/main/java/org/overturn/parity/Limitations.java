package org.overturn.parity;

import java.util.Map;

/** The kinds of treatment limitation the parity screen names, in words. */
final class Limitations {

    private static final Map<String, String> LABELS = Map.of(
            "QUANTITATIVE_VISIT_LIMIT", "visit or day limit (quantitative treatment limitation)",
            "FINANCIAL_REQUIREMENT", "payment reduction on mental health services only (financial requirement)",
            "NQTL_PRIOR_AUTHORIZATION", "prior authorization (non-quantitative treatment limitation)",
            "NQTL_CONCURRENT_REVIEW", "concurrent review (non-quantitative treatment limitation)",
            "NQTL_MEDICAL_NECESSITY", "medical necessity criteria (non-quantitative treatment limitation)",
            "NQTL_SERVICE_EXCLUSION", "service or setting exclusion (non-quantitative treatment limitation)",
            "NQTL_PROVIDER_NETWORK", "provider type or network admission (non-quantitative treatment limitation)",
            "NONE", "none");

    private Limitations() {
    }

    static String label(String limitation) {
        return LABELS.getOrDefault(limitation, limitation);
    }
}

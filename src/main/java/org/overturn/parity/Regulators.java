package org.overturn.parity;

import java.util.List;

/**
 * Who takes a parity complaint about a plan: the Department of Labor's EBSA for self-funded ERISA plans, the
 * state's insurance department for insured plans, CMS for non-federal governmental plans, and the state
 * Medicaid agency (with CMS) for Medicaid managed care.
 */
final class Regulators {

    record Regulator(String name, List<String> address, String howToFile) {
    }

    static final Regulator EBSA = new Regulator("U.S. Department of Labor, Employee Benefits Security Administration",
            List.of("Office of Outreach, Education and Assistance", "200 Constitution Avenue NW", "Washington, DC 20210"),
            "online at askebsa.dol.gov or by phone at 1-866-444-3272");
    static final Regulator CMS_CCIIO = new Regulator(
            "Centers for Medicare & Medicaid Services, Center for Consumer Information and Insurance Oversight",
            List.of("7500 Security Boulevard", "Baltimore, MD 21244"),
            "by email to phig@cms.hhs.gov or by phone at 1-877-267-2323 extension 6-1565");

    private Regulators() {
    }

    static Regulator forPlan(String planType, ParityFacts facts) {
        String state = facts.state() == null ? "the state" : facts.state();
        if ("MEDICAID".equals(planType)) {
            return new Regulator("Medicaid agency of " + state + " (Medicaid managed care parity, 42 CFR 438 subpart K)",
                    List.of("copy: Centers for Medicare & Medicaid Services, Center for Medicaid and CHIP Services",
                            "7500 Security Boulevard, Baltimore, MD 21244"),
                    "through the state Medicaid agency's managed care complaint process, with a copy to CMS");
        }
        return switch (facts.funding()) {
            case SELF_FUNDED_ERISA -> EBSA;
            case GOVERNMENT -> CMS_CCIIO;
            case FULLY_INSURED -> new Regulator("Department of Insurance of " + state, List.of(),
                    "through the consumer complaint portal of the " + state + " insurance department");
            case UNKNOWN -> new Regulator("Department of Insurance of " + state
                    + " (copy: U.S. Department of Labor, EBSA, for an employer plan)", List.of(),
                    "through the " + state + " insurance department's complaint portal; if the plan turns out to be "
                            + "a self-funded employer plan, at askebsa.dol.gov");
        };
    }
}

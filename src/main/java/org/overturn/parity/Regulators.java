package org.overturn.parity;

import java.util.ArrayList;
import java.util.List;

/**
 * Who takes a parity complaint about a plan, by the regulator ids of {@code reference/parity/regimes.csv}: the
 * Department of Labor's EBSA for ERISA plans, the state insurance department for insurers, CMS (CCIIO) for
 * non-federal governmental plans and where a state does not enforce in the individual market, the IRS for church
 * plans, and the state Medicaid agency with CMS (CMCS) for Medicaid managed care. A regime without regulators (parity
 * does not apply) has no complaint.
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

    /** The regulators of the regime, joined into one addressee; empty when parity does not apply. */
    static java.util.Optional<Regulator> forRegime(ParityRegime regime, ParityFacts facts) {
        List<String> ids = ParityLaw.shipped().rule(regime).regulators();
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        String state = facts.state() == null ? "the state" : facts.state();
        List<Regulator> each = ids.stream().map(id -> of(id, state)).toList();
        if (each.size() == 1) {
            return java.util.Optional.of(each.get(0));
        }
        List<String> address = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            if (i > 0) {
                address.add("copy: " + each.get(i).name());
            }
            address.addAll(each.get(i).address());
        }
        String name = String.join(", and the ", each.stream().map(Regulator::name).toList());
        String how = String.join("; and ", each.stream().map(r -> r.name() + ": " + r.howToFile()).toList());
        return java.util.Optional.of(new Regulator(name, address, how));
    }

    private static Regulator of(String id, String state) {
        return switch (id) {
            case "EBSA" -> EBSA;
            case "CMS_CCIIO" -> CMS_CCIIO;
            case "STATE_INSURANCE" -> new Regulator("Department of Insurance of " + state, List.of(),
                    "through the consumer complaint portal of the " + state + " insurance department");
            case "STATE_MEDICAID" -> new Regulator("Medicaid agency of " + state
                    + " (Medicaid managed care parity, 42 CFR 438 subpart K)", List.of(),
                    "through the state Medicaid agency's managed care complaint process");
            case "CMS_CMCS" -> new Regulator("Centers for Medicare & Medicaid Services, Center for Medicaid and CHIP "
                    + "Services", List.of("7500 Security Boulevard", "Baltimore, MD 21244"), "by letter, as a copy");
            case "IRS" -> new Regulator("Internal Revenue Service (26 U.S.C. 9812, excise tax on church plans)",
                    List.of(), "by letter to the IRS, as the plan is not under ERISA");
            default -> throw new IllegalStateException("regimes.csv names an unknown regulator " + id);
        };
    }
}

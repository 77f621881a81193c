package org.overturn.remittance;

import java.util.Map;

/**
 * Loop 1000A (payer, N1*PR) or 1000B (payee, N1*PE).
 *
 * @param name        N102
 * @param idQualifier N103 (XV, XX, FI, PI ...), or null
 * @param id          the party's identifier: for a payer REF*2U when present, else N104; for a payee N104
 *                    (the NPI when the qualifier is XX)
 * @param references  REF segments of the loop, qualifier to value (first one wins)
 */
public record Party(
        String name,
        String idQualifier,
        String id,
        Address address,
        Map<String, String> references) {

    public Party {
        references = Map.copyOf(references);
    }

    /** The payee's NPI, when the loop identified it by NPI (N103 = XX). */
    public String npi() {
        return "XX".equals(idQualifier) ? id : references.get("HPI");
    }

    /** The payee's federal tax id: N104 when N103 is FI, else REF*TJ. */
    public String taxId() {
        return "FI".equals(idQualifier) ? id : references.get("TJ");
    }
}

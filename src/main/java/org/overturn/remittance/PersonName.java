package org.overturn.remittance;

/**
 * An NM1 of a claim loop: patient (QC), insured (IL), corrected patient (74), rendering provider (82) ...
 * Holds PHI: never log it.
 *
 * @param entity     NM101
 * @param last       NM103 (or the organisation name)
 * @param first      NM104
 * @param middle     NM105
 * @param idQualifier NM108 (MI member id, XX NPI, ...)
 * @param id         NM109
 */
public record PersonName(String entity, String last, String first, String middle, String idQualifier, String id) {

    @Override
    public String toString() {
        return "PersonName[" + entity + ", masked]";
    }
}

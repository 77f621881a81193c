package org.overturn.claim;

/**
 * A provider on the claim: billing (2010AA), rendering (2310B on an 837P, 2420A on a line), attending (2310A on
 * an 837I), service facility (2310C/2310E).
 *
 * @param npi      NM109 with NM108 XX, or null
 * @param lastName NM103: the person's last name or the organisation's name
 * @param firstName NM104, null for an organisation
 * @param taxonomy PRV03 (health care provider taxonomy code), or null
 * @param taxId    REF*EI (employer id) or REF*SY (social security number) of the billing provider, or null
 * @param address  N3/N4 of the billing provider (2010AA, required there), or null for the other providers, which
 *                 the 837 names without an address
 */
public record ClaimProvider(String npi, String lastName, String firstName, String taxonomy, String taxId,
                            ClaimAddress address) {

    /** The license level the taxonomy tells (LCSW, psychologist ...), or null when it tells none. */
    public ProviderCredential credential() {
        return ProviderCredential.ofTaxonomy(taxonomy);
    }

    /** "First Last" for a person, the name for an organisation. */
    public String displayName() {
        if (firstName == null || firstName.isBlank()) {
            return lastName;
        }
        return lastName == null ? firstName : firstName + " " + lastName;
    }

    @Override
    public String toString() {
        return "ClaimProvider[" + npi + ", " + taxonomy + "]";
    }
}

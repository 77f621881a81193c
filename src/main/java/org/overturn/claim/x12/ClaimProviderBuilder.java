package org.overturn.claim.x12;

import org.overturn.claim.ClaimProvider;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * A provider loop being read: the NM1 (2010AA billing, 2310 rendering or attending, 2420 line rendering), its PRV
 * taxonomy and its tax id REF. The NPI is NM109 under NM108 XX only; a 4010 claim may name a provider by its
 * employer id or social security number instead (NM108 24 or 34), which is its tax id.
 */
final class ClaimProviderBuilder {

    private static final String NPI = "XX";
    private static final String EMPLOYER_ID = "24";
    private static final String SOCIAL_SECURITY_NUMBER = "34";

    private final String npi;
    private final String lastName;
    private final String firstName;
    private final String nameTaxId;
    private String taxonomy;
    private String referenceTaxId;
    private final ClaimAddressBuilder address = new ClaimAddressBuilder();

    private ClaimProviderBuilder(String npi, String lastName, String firstName, String nameTaxId) {
        this.npi = npi;
        this.lastName = lastName;
        this.firstName = firstName;
        this.nameTaxId = nameTaxId;
    }

    static ClaimProviderBuilder from(Segment nm1) throws MalformedX12Exception {
        String qualifier = nm1.text(8, 2);
        String id = nm1.text(9, 80);
        boolean taxIdQualifier = EMPLOYER_ID.equals(qualifier) || SOCIAL_SECURITY_NUMBER.equals(qualifier);
        return new ClaimProviderBuilder(NPI.equals(qualifier) ? id : null, nm1.text(3, 60), nm1.text(4, 35),
                taxIdQualifier ? id : null);
    }

    /** The taxonomy of a PRV (PRV03), whichever role PRV01 gives (BI billing, PE performing, AT attending ...). */
    void specialty(Segment prv) throws MalformedX12Exception {
        taxonomy = taxonomy(prv);
    }

    /** A taxonomy sent before the provider's name (2000A PRV*BI precedes 2010AA), unless its own PRV gives one. */
    void defaultTaxonomy(String code) {
        if (taxonomy == null) {
            taxonomy = code;
        }
    }

    /** REF*EI or REF*SY: the provider's tax id; other REFs (secondary ids) are not kept. */
    void reference(Segment ref) throws MalformedX12Exception {
        String qualifier = ref.text(1);
        if (referenceTaxId == null && ("EI".equals(qualifier) || "SY".equals(qualifier))) {
            referenceTaxId = ref.text(2, 50);
        }
    }

    ClaimAddressBuilder address() {
        return address;
    }

    ClaimProvider build() {
        return new ClaimProvider(npi, lastName, firstName, taxonomy,
                referenceTaxId != null ? referenceTaxId : nameTaxId, address.build());
    }

    /** PRV03, which must be there when a PRV is sent. */
    static String taxonomy(Segment prv) throws MalformedX12Exception {
        return prv.requiredText(3, 50);
    }
}

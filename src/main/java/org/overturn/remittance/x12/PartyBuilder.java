package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import java.util.LinkedHashMap;
import java.util.Map;

import org.overturn.remittance.Address;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.Party;

/** Loop 1000A (payer) or 1000B (payee) being read: N1, N3, N4 and REF. */
final class PartyBuilder {

    private static final String PAYER_ID = "2U";

    private final String name;
    private final String idQualifier;
    private final String id;
    private String line1;
    private String line2;
    private String city;
    private String state;
    private String postalCode;
    private boolean hasAddress;
    private final Map<String, String> references = new LinkedHashMap<>(4);

    private PartyBuilder(String name, String idQualifier, String id) {
        this.name = name;
        this.idQualifier = idQualifier;
        this.id = id;
    }

    static PartyBuilder from(Segment n1) throws MalformedX12Exception {
        return new PartyBuilder(n1.requiredText(2, 60), n1.text(3, 2), n1.text(4, 80));
    }

    void street(Segment n3) {
        hasAddress = true;
        line1 = n3.text(1);
        line2 = n3.text(2);
    }

    void place(Segment n4) {
        hasAddress = true;
        city = n4.text(1);
        state = n4.text(2);
        postalCode = n4.text(3);
    }

    void reference(Segment ref) throws MalformedX12Exception {
        String qualifier = ref.text(1);
        String value = ref.text(2, 50);
        if (qualifier != null && value != null) {
            references.putIfAbsent(qualifier, value);
        }
    }

    /** The payer: its id is the additional payer identification (REF*2U) when sent, else N104. */
    Party buildPayer() {
        String payerId = references.get(PAYER_ID);
        return build(payerId != null ? payerId : id);
    }

    Party buildPayee() {
        return build(id);
    }

    private Party build(String partyId) {
        Address address = hasAddress ? new Address(line1, line2, city, state, postalCode) : null;
        return new Party(name, idQualifier, partyId, address, references);
    }
}

package org.overturn.claim.x12;

import org.overturn.claim.ClaimAddress;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/** The N3/N4 of a name loop being read; null when the loop sent neither. */
final class ClaimAddressBuilder {

    private String line1;
    private String line2;
    private String city;
    private String state;
    private String postalCode;
    private boolean sent;

    void street(Segment n3) throws MalformedX12Exception {
        line1 = n3.text(1, 55);
        line2 = n3.text(2, 55);
        sent = true;
    }

    void place(Segment n4) throws MalformedX12Exception {
        city = n4.text(1, 30);
        state = n4.text(2, 2);
        postalCode = n4.text(3, 15);
        sent = true;
    }

    ClaimAddress build() {
        return sent ? new ClaimAddress(line1, line2, city, state, postalCode) : null;
    }
}

package org.overturn.claim.x12;

import java.time.LocalDate;

import org.overturn.claim.ClaimPerson;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/** The subscriber (2010BA, NM1*IL) or patient (2010CA, NM1*QC) being read, with its DMG. Holds PHI. */
final class ClaimPersonBuilder {

    private final String memberId;
    private final String lastName;
    private final String firstName;
    private LocalDate birthDate;
    private String gender;
    private final ClaimAddressBuilder address = new ClaimAddressBuilder();

    private ClaimPersonBuilder(String memberId, String lastName, String firstName) {
        this.memberId = memberId;
        this.lastName = lastName;
        this.firstName = firstName;
    }

    static ClaimPersonBuilder subscriber(Segment nm1) throws MalformedX12Exception {
        return new ClaimPersonBuilder(nm1.text(9, 80), nm1.text(3, 60), nm1.text(4, 35));
    }

    /** A dependent: 5010 gives the patient no id of its own; the claim is filed under the subscriber's. */
    static ClaimPersonBuilder patient(Segment nm1, String subscriberMemberId) throws MalformedX12Exception {
        return new ClaimPersonBuilder(subscriberMemberId, nm1.text(3, 60), nm1.text(4, 35));
    }

    void demographics(Segment dmg) throws MalformedX12Exception {
        birthDate = ClaimDates.birthDate(dmg);
        // kept as sent: a payer reads U, and older files send other letters
        gender = dmg.text(3, 1);
    }

    ClaimAddressBuilder address() {
        return address;
    }

    String memberId() {
        return memberId;
    }

    ClaimPerson build() {
        return new ClaimPerson(memberId, lastName, firstName, birthDate, gender, address.build());
    }
}

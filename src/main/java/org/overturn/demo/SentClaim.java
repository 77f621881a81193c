package org.overturn.demo;

import java.time.LocalDate;
import java.util.Map;
import org.overturn.claim.BilledClaim;

/**
 * A claim as the clinic sent it on an 837, with what the demo knows beyond the file: why the payer will deny it, and
 * what the chart says a biller corrects it to.
 *
 * @param claim      the claim as written to the 837
 * @param sentOn     the day the clinic sent it (BHT04), after its last date of service and before the payer's 835
 * @param scenario   the payer's reason to deny it on its first adjudication, or null when it pays it
 * @param acceptedOn the day the payer accepted it into adjudication (a 277CA on file), or null
 * @param correction what a biller completes <em>Correct claim</em> with for it, or null when the demo has nothing
 *                   structured to say (a denial no correction fixes)
 */
record SentClaim(BilledClaim claim, LocalDate sentOn, DenialScenario scenario, LocalDate acceptedOn,
                 Correction correction) {

    /**
     * The structured changes of a correction ({@code org.overturn.correction.ClaimChangeFields} names and values as
     * a biller types them), the free text of what changed beyond them (or null), and why, as the record shows it.
     */
    record Correction(Map<String, String> fields, String whatChanged, String why) {

        Correction {
            fields = Map.copyOf(fields);
        }
    }

    String patientControlNumber() {
        return claim.patientControlNumber();
    }
}

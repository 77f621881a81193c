package org.overturn.claim;

import java.util.List;

/** A 999 or 277CA file: the functional acknowledgements (999) and claim acknowledgements (277CA) it holds. */
public record AcknowledgementFile(String kind, List<FunctionalAcknowledgement> functional,
                                  List<ClaimAcknowledgement> claims) {

    public AcknowledgementFile {
        functional = List.copyOf(functional);
        claims = List.copyOf(claims);
    }
}

package org.overturn.intake;

import org.overturn.x12.X12Identity;
import org.overturn.x12.X12Segments;
import org.springframework.stereotype.Service;

/**
 * The one way in for every X12 file, whatever the door (upload, inbox folder, demo): the file's first group and
 * transaction set header (GS01/ST01/GS08) say what it is, and it goes to the intake for that: an 835 to the
 * remittance intake, an 837 to the claims, a 999 or 277CA to the acknowledgements, a 277 claim status response
 * (GS08 005010X212) to the claim status follow-ups. A file that says nothing readable
 * goes to the remittance intake, which refuses it with the segment and reason.
 */
@Service
public class FileIntake {

    private final RemittanceIntake remittances;
    private final ClaimFileIntake claims;

    FileIntake(RemittanceIntake remittances, ClaimFileIntake claims) {
        this.remittances = remittances;
        this.claims = claims;
    }

    public IntakeResult ingest(String fileName, byte[] content, String source, String receivedBy) {
        X12Identity identity = X12Segments.identifyIfReadable(content);
        if (identity == null || !(identity.is("837") || identity.is("999") || identity.is("277"))) {
            return remittances.ingest(fileName, content, source, receivedBy);
        }
        String sha256 = RemittanceIntake.sha256(content);
        if (identity.is("837")) {
            return claims.ingestClaims(fileName, content, source, receivedBy, sha256);
        }
        if (identity.is("277") && identity.implementation() != null
                && identity.implementation().endsWith("X212")) {
            return claims.ingestStatusResponses(fileName, content, source, receivedBy, sha256);
        }
        return claims.ingestAcknowledgements(fileName, identity.is("999") ? "999" : "277CA", content, source,
                receivedBy, sha256);
    }
}

package org.overturn.claim.x12;

import java.util.Map;

import org.overturn.claim.ClaimKind;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * Which GS08 versions this parser reads, and the kind of claim each declares. The 5010 guides and their addenda
 * share every segment read here. The 4010 guides (004010X098A1 professional, 004010X096A1 institutional) are read
 * too: the only real behavioral-health 837s (community mental health encounters, psychiatric inpatient stays) are
 * 4010, and payers still answer appeals on claims first billed in it. Their differences that matter here are
 * handled where they occur: an empty CLM05-2, the tax id as NM109 under NM108 24/34, HI ZZ for the reason for
 * visit. Any other guide (a dental X224, an 835's X221, a release with no guide) is refused: the kind of claim
 * would be a guess.
 */
final class ClaimImplementation {

    private static final Map<String, ClaimKind> KINDS = Map.ofEntries(
            Map.entry("005010X222", ClaimKind.PROFESSIONAL),
            Map.entry("005010X222A1", ClaimKind.PROFESSIONAL),
            Map.entry("005010X222A2", ClaimKind.PROFESSIONAL),
            Map.entry("004010X098", ClaimKind.PROFESSIONAL),
            Map.entry("004010X098A1", ClaimKind.PROFESSIONAL),
            Map.entry("005010X223", ClaimKind.INSTITUTIONAL),
            Map.entry("005010X223A1", ClaimKind.INSTITUTIONAL),
            Map.entry("005010X223A2", ClaimKind.INSTITUTIONAL),
            Map.entry("005010X223A3", ClaimKind.INSTITUTIONAL),
            Map.entry("004010X096", ClaimKind.INSTITUTIONAL),
            Map.entry("004010X096A1", ClaimKind.INSTITUTIONAL));

    private final String version;
    private final ClaimKind kind;

    private ClaimImplementation(String version, ClaimKind kind) {
        this.version = version;
        this.kind = kind;
    }

    static ClaimImplementation of(Segment gs) throws MalformedX12Exception {
        String version = gs.requiredText(8, 12);
        ClaimKind kind = KINDS.get(version);
        if (kind == null) {
            throw gs.error("GS08 version '" + version + "' is not an 837 version this parser reads (837P "
                    + "005010X222, 005010X222A1, 005010X222A2, 004010X098A1; 837I 005010X223, 005010X223A1, "
                    + "005010X223A2, 005010X223A3, 004010X096A1)");
        }
        return new ClaimImplementation(version, kind);
    }

    /** GS08 as sent. */
    String version() {
        return version;
    }

    ClaimKind kind() {
        return kind;
    }
}

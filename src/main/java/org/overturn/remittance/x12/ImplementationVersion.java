package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import org.overturn.x12.MalformedX12Exception;

/**
 * Which GS08 versions this parser reads. 005010X221A1 is the HIPAA 835; its predecessor 005010X221 and
 * the older 004010X091(A1) share the segments and loops read here (4010 also allows CAS group CR, which is
 * kept as sent). Some senders write only the release ({@code 5010}); that is read too. Anything else,
 * including other 5010 guides such as X222 (the 837P), is refused.
 */
final class ImplementationVersion {

    private ImplementationVersion() {
    }

    /** GS08 as sent, once known to be readable. */
    static String check(Segment gs) throws MalformedX12Exception {
        String version = gs.requiredText(8, 12);
        String release = stripLeadingZeros(version);
        boolean known = release.startsWith("5010") || release.startsWith("4010");
        String guide = release.length() > 4 ? release.substring(4) : "";
        boolean guideFits = guide.isEmpty()
                || (release.startsWith("5010") && (guide.equals("X221") || guide.equals("X221A1")))
                || (release.startsWith("4010") && (guide.equals("X091") || guide.equals("X091A1")));
        if (!known || !guideFits) {
            throw gs.error("GS08 version '" + version + "' is not an 835 version this parser reads "
                    + "(005010X221A1, 005010X221, 004010X091A1, 004010X091)");
        }
        return version;
    }

    private static String stripLeadingZeros(String version) {
        int i = 0;
        while (i < version.length() - 1 && version.charAt(i) == '0') {
            i++;
        }
        return version.substring(i);
    }
}

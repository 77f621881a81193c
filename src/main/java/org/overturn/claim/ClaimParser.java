package org.overturn.claim;

import org.overturn.x12.MalformedX12Exception;

/**
 * Reads an 837P or 837I file (any delimiters, any number of interchanges, groups and transaction sets) into
 * typed records in one streaming pass. Thread-safe; holds no state between calls.
 */
public interface ClaimParser {

    /**
     * Parses a whole file held in memory (read as Windows-1252 when it is not UTF-8, as the 835 reader does).
     *
     * @throws MalformedX12Exception with {@code segment N (ID): reason} when the file is not a usable 837
     */
    ClaimFile parse(byte[] content) throws MalformedX12Exception;

    /** The parser the product uses: streaming, one pass over the segments. */
    static ClaimParser standard() {
        return new org.overturn.claim.x12.X12ClaimParser();
    }
}

package org.overturn.remittance;

import java.io.InputStream;

/**
 * Reads an 835 file (any delimiters, any number of interchanges, groups and transaction sets) into typed
 * records in one streaming pass. Thread-safe; holds no state between calls.
 */
public interface RemittanceParser {

    RemittanceFile parse(InputStream in) throws MalformedRemittanceException;

    /** The parser the product uses: StAEDI-based, streaming. */
    static RemittanceParser standard() {
        return new org.overturn.remittance.x12.StaediRemittanceParser();
    }

}

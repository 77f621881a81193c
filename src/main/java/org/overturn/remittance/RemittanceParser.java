package org.overturn.remittance;

import org.overturn.x12.MalformedX12Exception;
import java.io.InputStream;

/**
 * Reads an 835 file (any delimiters, any number of interchanges, groups and transaction sets) into typed
 * records in one streaming pass. Thread-safe; holds no state between calls.
 */
public interface RemittanceParser {

    RemittanceFile parse(InputStream in) throws MalformedX12Exception;

    /**
     * Parses a whole file held in memory. X12 is ASCII, but some payers' systems write names in Windows-1252
     * (an accented letter): such a file is read as Windows-1252 rather than refused.
     */
    default RemittanceFile parse(byte[] content) throws MalformedX12Exception {
        try {
            return parse(new java.io.ByteArrayInputStream(content));
        } catch (MalformedX12Exception e) {
            if (!e.reason().equals(NOT_UTF_8)) {
                throw e;
            }
            byte[] transcoded = new String(content, java.nio.charset.Charset.forName("windows-1252"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return parse(new java.io.ByteArrayInputStream(transcoded));
        }
    }

    /** The reason given for bytes that are not UTF-8. */
    String NOT_UTF_8 = MalformedX12Exception.NOT_UTF_8;

    /** The parser the product uses: streaming, one pass over the segments. */
    static RemittanceParser standard() {
        return new org.overturn.remittance.x12.X12RemittanceParser();
    }

}

package org.overturn.claim;

import org.overturn.x12.MalformedX12Exception;

/** Reads 999 (005010X231A1) and 277CA (005010X214) files. Thread-safe; holds no state between calls. */
public interface AcknowledgementParser {

    /** @throws MalformedX12Exception with {@code segment N (ID): reason} when the file is not a usable 999 or 277CA */
    AcknowledgementFile parse(byte[] content) throws MalformedX12Exception;

    static AcknowledgementParser standard() {
        return new org.overturn.claim.x12.X12AcknowledgementParser();
    }
}

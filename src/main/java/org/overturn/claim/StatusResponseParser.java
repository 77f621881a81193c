package org.overturn.claim;

import java.util.List;
import org.overturn.x12.MalformedX12Exception;

/** Reads 277 claim status responses (005010X212). Thread-safe; holds no state between calls. */
public interface StatusResponseParser {

    /** @throws MalformedX12Exception with {@code segment N (ID): reason} when the file is not a usable X212 277 */
    List<ClaimStatusResponse> parse(byte[] content) throws MalformedX12Exception;

    static StatusResponseParser standard() {
        return new org.overturn.claim.x12.X12StatusResponseParser();
    }
}

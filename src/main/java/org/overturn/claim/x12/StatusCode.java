package org.overturn.claim.x12;

import org.overturn.x12.Composite;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * STC01, the health care claim status composite, read the same way from a 277CA (005010X214) and a 277 claim status
 * response (005010X212): category (STC01-1) and status (STC01-2) required, entity (STC01-3) when given.
 */
record StatusCode(String category, String status, String entity) {

    static StatusCode of(Segment stc) throws MalformedX12Exception {
        String[] parts = Composite.parts(stc, 1);
        if (parts == null || parts[0] == null) {
            throw stc.error("missing claim status category code STC01-1");
        }
        if (parts.length < 2 || parts[1] == null) {
            throw stc.error("missing claim status code STC01-2");
        }
        return new StatusCode(stc.checkLength("STC01-1", parts[0], 3), stc.checkLength("STC01-2", parts[1], 30),
                parts.length > 2 ? stc.checkLength("STC01-3", parts[2], 3) : null);
    }
}

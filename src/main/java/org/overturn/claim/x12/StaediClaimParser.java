package org.overturn.claim.x12;

import org.overturn.claim.*;
import org.overturn.x12.MalformedX12Exception;

/** Placeholder while the implementation is being written (not done). */
public final class StaediClaimParser implements ClaimParser {

    @Override
    public ClaimFile parse(byte[] content) throws MalformedX12Exception {
        throw new UnsupportedOperationException("not written yet");
    }
}

package org.overturn.claim.x12;

import org.overturn.claim.*;
import org.overturn.x12.MalformedX12Exception;

/** Placeholder while the implementation is being written (not done). */
public final class X12ClaimWriter implements ClaimWriter {

    @Override
    public byte[] write(ClaimBatch batch) {
        throw new UnsupportedOperationException("not written yet");
    }
}

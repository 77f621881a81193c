package org.overturn.claim.x12;

import java.util.List;
import java.util.Objects;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.claim.StatusResponseParser;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.X12Envelope;

/**
 * Reads 277 claim status responses (005010X212) with the shared X12 reading (any delimiters, prose before the ISA,
 * lenient trailer counts as for the 277CA); {@link StatusResponseEnvelope} follows the envelope and
 * {@link ClaimStatusAssembler} the loops.
 */
public final class X12StatusResponseParser implements StatusResponseParser {

    @Override
    public List<ClaimStatusResponse> parse(byte[] content) throws MalformedX12Exception {
        Objects.requireNonNull(content, "content");
        return X12Envelope.read(content, StatusResponseEnvelope::new).responses();
    }
}

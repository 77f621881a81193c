package org.overturn.claim.x12;

import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.X12Envelope;

/**
 * Reads 837P and 837I files in one streaming pass over their segments ({@code X12Segments}): {@link X12Envelope}
 * checks the ISA/GS/ST nesting, {@link ClaimEnvelope} says what an 837's groups and transaction sets must be,
 * {@link ClaimTransactionAssembler} follows each transaction's loops. See those for what is refused and what is
 * tolerated (in short: wrong trailer counts and control numbers are tolerated, a claim that cannot be whole or a
 * value that is not what it says is refused, with {@code segment N (ID): reason}).
 */
public final class X12ClaimParser implements ClaimParser {

    @Override
    public ClaimFile parse(byte[] content) throws MalformedX12Exception {
        return new ClaimFile(X12Envelope.read(content, ClaimEnvelope::new).transactions());
    }
}

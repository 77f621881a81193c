package org.overturn.claim.x12;

import org.overturn.claim.AcknowledgementFile;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.X12Envelope;

/**
 * Reads 999 implementation acknowledgments (005010X231A1, 005010X231) and 277CA claim acknowledgements (005010X214)
 * with the shared X12 reading (byte order mark, prose before the ISA, any delimiters, unpadded headers,
 * Windows-1252). {@link X12Envelope} follows the envelopes as {@link AcknowledgementEnvelope} says, leniently
 * about trailer counts and control numbers; {@link ImplementationAckAssembler} and {@link ClaimAckAssembler} follow
 * the loops.
 *
 * <p>The file's kind is {@value #KIND_999}, {@value #KIND_277CA}, or both joined with "+" when one file holds
 * groups of each. A file of any other transaction (an 837, an 835, a 276, a 277 claim status response) is refused
 * with a reason naming what it is.
 */
public final class X12AcknowledgementParser implements AcknowledgementParser {

    /** {@link AcknowledgementFile#kind()} of a file of 999s. */
    public static final String KIND_999 = "999";
    /** {@link AcknowledgementFile#kind()} of a file of 277CAs. */
    public static final String KIND_277CA = "277CA";

    @Override
    public AcknowledgementFile parse(byte[] content) throws MalformedX12Exception {
        java.util.Objects.requireNonNull(content, "content");
        AcknowledgementEnvelope acks = X12Envelope.read(content, AcknowledgementEnvelope::new);
        return new AcknowledgementFile(acks.kind(), acks.functional(), acks.claims());
    }
}

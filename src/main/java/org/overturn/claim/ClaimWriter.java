package org.overturn.claim;

/**
 * Writes claims as an 837P or 837I file a clearinghouse accepts: ISA..IEA with one group and one transaction set,
 * {@code *} elements, {@code :} components, {@code ^} repetitions, {@code ~} and a line break after each segment.
 * What it writes, {@link ClaimParser#standard()} reads back to the same claims, for claims given as the writer writes
 * them: free text upper-case without the delimiters, which the writer otherwise makes so (identifiers are never
 * altered), and the values it otherwise fills in with a documented default (see
 * {@link org.overturn.claim.x12.X12ClaimWriter}).
 */
public interface ClaimWriter {

    /**
     * @throws IllegalArgumentException before anything is written, naming the claim by its position in the batch,
     *                                  when the batch lacks what the implementation guide requires (a replacement or
     *                                  void without its original reference, a billing provider without an address
     *                                  ...) or holds what the kind cannot carry
     */
    byte[] write(ClaimBatch batch);

    static ClaimWriter standard() {
        return new org.overturn.claim.x12.X12ClaimWriter();
    }
}

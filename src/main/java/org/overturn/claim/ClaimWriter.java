package org.overturn.claim;

/**
 * Writes claims as an 837P or 837I file a clearinghouse accepts: ISA..IEA with one group and one transaction set,
 * {@code *} elements, {@code :} components, {@code ^} repetitions, {@code ~} and a line break after each segment.
 * What it writes, {@link ClaimParser#standard()} reads back to the same claims.
 */
public interface ClaimWriter {

    byte[] write(ClaimBatch batch);

    static ClaimWriter standard() {
        return new org.overturn.claim.x12.X12ClaimWriter();
    }
}

package org.overturn.claim;

/** Writes a claim status request as an X12 276 (005010X212) a clearinghouse accepts. */
public interface StatusInquiryWriter {

    /** @throws IllegalArgumentException when the request lacks what the guide requires (payer, provider, member) */
    byte[] write(ClaimStatusInquiry inquiry);

    static StatusInquiryWriter standard() {
        return new org.overturn.claim.x12.X12StatusInquiryWriter();
    }
}

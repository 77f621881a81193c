package org.overturn.claim;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What goes into one outgoing 837 file: one interchange, one functional group, one transaction set of one kind.
 *
 * @param kind                     837P or 837I; every claim must be of it
 * @param senderId                 ISA06 / GS02 (the submitter's id at the clearinghouse)
 * @param receiverId               ISA08 / GS03 (the clearinghouse's or payer's id)
 * @param interchangeControlNumber ISA13 and GS06 (1..999999999); the caller makes sure it never repeats
 * @param createdAt                ISA09/ISA10, GS04/GS05, BHT04/BHT05
 * @param reference                BHT03, the batch reference (at most 50 characters)
 * @param production               ISA15 P (production) or T (test)
 * @param submitter                1000A submitter (name, ETIN)
 * @param submitterContactName     1000A PER02
 * @param submitterContactPhone    1000A PER04 (digits only)
 * @param receiver                 1000B receiver (name, ETIN)
 * @param claims                   the claims, each written under its billing provider and subscriber
 */
public record ClaimBatch(
        ClaimKind kind,
        String senderId,
        String receiverId,
        long interchangeControlNumber,
        LocalDateTime createdAt,
        String reference,
        boolean production,
        ClaimParty submitter,
        String submitterContactName,
        String submitterContactPhone,
        ClaimParty receiver,
        List<BilledClaim> claims) {

    public ClaimBatch {
        claims = List.copyOf(claims);
        if (claims.stream().anyMatch(c -> c.kind() != kind)) {
            throw new IllegalArgumentException("every claim of a " + kind.label() + " batch must be " + kind.label());
        }
        if (interchangeControlNumber < 1 || interchangeControlNumber > 999_999_999L) {
            throw new IllegalArgumentException("ISA13 must be 1..999999999, not " + interchangeControlNumber);
        }
    }
}

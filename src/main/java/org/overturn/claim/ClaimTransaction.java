package org.overturn.claim;

import java.time.LocalDate;
import java.util.List;

/**
 * One 837 transaction set (ST..SE) with its envelope: who sent it, when, and the claims it carries.
 *
 * @param kind                       from GS08 (and ST03)
 * @param implementation             GS08, e.g. 005010X222A1
 * @param interchangeControlNumber   ISA13
 * @param interchangeDate            ISA09 (YYMMDD, read as 20YY)
 * @param groupControlNumber         GS06
 * @param controlNumber              ST02
 * @param purpose                    BHT02 (00 original, 18 reissue)
 * @param reference                  BHT03, the originator's batch reference
 * @param createdOn                  BHT04, the date the batch was created: the date the claims were sent
 * @param transactionType            BHT06 (CH chargeable, RP reporting/encounter)
 * @param submitter                  loop 1000A
 * @param receiver                   loop 1000B
 * @param claims                     every loop 2300 in file order
 */
public record ClaimTransaction(
        ClaimKind kind,
        String implementation,
        String interchangeControlNumber,
        LocalDate interchangeDate,
        String groupControlNumber,
        String controlNumber,
        String purpose,
        String reference,
        LocalDate createdOn,
        String transactionType,
        ClaimParty submitter,
        ClaimParty receiver,
        List<BilledClaim> claims) {

    public ClaimTransaction {
        claims = List.copyOf(claims);
    }

    /** The date the claims left the provider: BHT04, else ISA09. */
    public LocalDate submittedOn() {
        return createdOn != null ? createdOn : interchangeDate;
    }
}

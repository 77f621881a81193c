package org.overturn.remittance;

import java.time.LocalDate;
import java.util.List;

/**
 * One 835 transaction set (ST..SE): a payment (or a notice of no payment) from one payer to one payee, with
 * the claims it settles and the provider-level adjustments (PLB) that change the total.
 *
 * @param interchangeControlNumber ISA13, or null when the file had no envelope
 * @param groupControlNumber       GS06, or null
 * @param version                  GS08 (e.g. 005010X221A1), or null
 * @param controlNumber            ST02
 * @param productionDate           DTM*405, or null
 * @param envelopeWarnings         what the trailers closing it got wrong (SE, GE or IEA counts and control numbers):
 *                                 real payers send such files, and the payment in them is still whole
 */
public record RemittanceAdvice(
        String interchangeControlNumber,
        String groupControlNumber,
        String version,
        String controlNumber,
        Payment payment,
        LocalDate productionDate,
        Party payer,
        Party payee,
        List<ClaimPayment> claims,
        List<ProviderAdjustment> providerAdjustments,
        List<String> envelopeWarnings) {

    public RemittanceAdvice {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
        envelopeWarnings = List.copyOf(envelopeWarnings);
    }
}

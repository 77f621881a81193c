package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payer's or clearinghouse's answer on one claim in a 277CA (005010X214): accepted into adjudication or
 * rejected, and when. The acceptance date and the report's reference are the proof a timely-filing appeal cites.
 *
 * @param patientControlNumber     TRN02 of the claim level (the CLM01 sent)
 * @param payerClaimControlNumber  REF*1K, or null
 * @param category                 STC01-1 claim status category (A1, A2, A3, A6, A7 ...)
 * @param status                   STC01-2 claim status code
 * @param entity                   STC01-3 entity identifier, or null
 * @param accepted                 whether the category means accepted for adjudication
 * @param statusDate               STC02, the date of the status
 * @param billedAmount             STC04, or null
 * @param serviceFrom              DTP*472 start, or null
 * @param serviceTo                DTP*472 end, or null
 * @param informationSource        the payer or clearinghouse that answered (2100A NM1*PR / NM1*AY name)
 * @param reference                BHT03 of the 277CA: the report id
 * @param reportDate               BHT04 of the 277CA
 */
public record ClaimAcknowledgement(
        String patientControlNumber,
        String payerClaimControlNumber,
        String category,
        String status,
        String entity,
        boolean accepted,
        LocalDate statusDate,
        BigDecimal billedAmount,
        LocalDate serviceFrom,
        LocalDate serviceTo,
        String informationSource,
        String reference,
        LocalDate reportDate) {
}

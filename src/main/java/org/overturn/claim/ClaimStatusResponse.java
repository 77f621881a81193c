package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a payer said of one claim in a 277 claim status response (005010X212), the answer to a 276.
 *
 * @param trace                   TRN02 of the claim level: the 276's TRN*1 trace echoed back
 * @param payerId                 2100A NM109 of the payer answering, or null
 * @param patientControlNumber    REF*EJ (the CLM01 sent), or null
 * @param payerClaimControlNumber REF*1K, or null
 * @param category                STC01-1 claim status category (F1, F2, P1, A4 ...)
 * @param status                  STC01-2 claim status code
 * @param entity                  STC01-3, or null
 * @param statusDate              STC02
 * @param billedAmount            STC04, or null
 * @param paidAmount              STC05, or null
 * @param serviceFrom             DTP*472 start, or null
 * @param serviceTo               DTP*472 end, or null
 * @param reference               BHT03 of the 277
 * @param segment                 the segment number of the claim's TRN*2 in the file
 */
public record ClaimStatusResponse(String trace, String payerId, String patientControlNumber,
                                  String payerClaimControlNumber, String category, String status, String entity,
                                  LocalDate statusDate, BigDecimal billedAmount, BigDecimal paidAmount,
                                  LocalDate serviceFrom, LocalDate serviceTo, String reference, int segment) {
}

package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One service line (loop 2400): SV1 on an 837P, SV2 on an 837I.
 *
 * @param number             LX01
 * @param revenueCode        SV201 (837I), else null
 * @param procedureQualifier SV101-1 / SV202-1 (HC, ...), null for a revenue-code-only institutional line
 * @param procedure          SV101-2 / SV202-2: CPT or HCPCS, or null
 * @param modifiers          SV101-3..6 / SV202-3..6
 * @param charge             SV102 / SV203
 * @param unitBasis          SV103 / SV204 (UN units, MJ minutes, DA days)
 * @param units              SV104 / SV205
 * @param placeOfService     SV105 when the line's place differs from the claim's, else null
 * @param diagnosisPointers  SV107 pointers into the claim's diagnoses (1-based), empty on an 837I
 * @param serviceDate        DTP*472, first (or only) date
 * @param serviceDateTo      DTP*472 end of an RD8 span, or null
 * @param priorAuthorization line REF*G1, or null
 * @param lineControlNumber  REF*6R, or null
 * @param renderingNpi       loop 2420A rendering provider NPI when the line's differs from the claim's, or null
 */
public record BilledLine(
        int number,
        String revenueCode,
        String procedureQualifier,
        String procedure,
        List<String> modifiers,
        BigDecimal charge,
        String unitBasis,
        BigDecimal units,
        String placeOfService,
        List<Integer> diagnosisPointers,
        LocalDate serviceDate,
        LocalDate serviceDateTo,
        String priorAuthorization,
        String lineControlNumber,
        String renderingNpi) {

    public BilledLine {
        modifiers = List.copyOf(modifiers);
        diagnosisPointers = List.copyOf(diagnosisPointers);
    }
}

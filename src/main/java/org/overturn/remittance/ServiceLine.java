package org.overturn.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Loop 2110: the payer's decision on one service line (SVC) with its dates, adjustments and remarks.
 *
 * @param procedureQualifier SVC01-1 (HC, AD, NU, ZZ, ...)
 * @param procedure          SVC01-2, the CPT/HCPCS (or revenue) code as adjudicated
 * @param modifiers          SVC01-3..6
 * @param charge             SVC02
 * @param paid               SVC03
 * @param revenueCode        SVC04, or null
 * @param units              SVC05 units paid, or null
 * @param originalProcedure  SVC06-2 when the payer changed the code, or null
 * @param serviceDate        DTM*472 (or DTM*150 start), or null
 * @param serviceDateTo      DTM*151, or null
 * @param remarks            LQ*HE remark codes (RARC), in file order
 * @param references         line REF segments, qualifier to value (first one wins; 6R is the line control number)
 * @param amounts            line AMT segments, qualifier to amount (B6 is the allowed amount)
 */
public record ServiceLine(
        String procedureQualifier,
        String procedure,
        List<String> modifiers,
        BigDecimal charge,
        BigDecimal paid,
        String revenueCode,
        BigDecimal units,
        String originalProcedure,
        LocalDate serviceDate,
        LocalDate serviceDateTo,
        List<Adjustment> adjustments,
        List<String> remarks,
        Map<String, String> references,
        Map<String, BigDecimal> amounts) {

    public ServiceLine {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarks = List.copyOf(remarks);
        references = Map.copyOf(references);
        amounts = Map.copyOf(amounts);
    }

    public BigDecimal allowed() {
        return amounts.get("B6");
    }
}

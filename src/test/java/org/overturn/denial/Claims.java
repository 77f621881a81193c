package org.overturn.denial;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.ServiceLine;

/** Builds claim payments for tests: {@code Claims.claim("1", "200", "80").adjust("CO", "197", "120").build()}. */
final class Claims {

    private final String status;
    private final BigDecimal charge;
    private final BigDecimal paid;
    private String filingIndicator = "12";
    private String facilityCode;
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private final List<LineBuilder> lines = new ArrayList<>();

    private Claims(String status, String charge, String paid) {
        this.status = status;
        this.charge = new BigDecimal(charge);
        this.paid = new BigDecimal(paid);
    }

    static Claims claim(String status, String charge, String paid) {
        return new Claims(status, charge, paid);
    }

    Claims adjust(String group, String reason, String amount) {
        adjustments.add(new Adjustment(Adjustment.Level.CLAIM, group, reason, new BigDecimal(amount), null));
        return this;
    }

    Claims remark(String... rarcs) {
        remarks.addAll(List.of(rarcs));
        return this;
    }

    Claims filing(String indicator) {
        filingIndicator = indicator;
        return this;
    }

    Claims facility(String clp08) {
        facilityCode = clp08;
        return this;
    }

    /** A professional line (SVC01 qualifier HC). */
    Claims line(String procedure, String charge, String paid, String... modifiers) {
        lines.add(new LineBuilder("HC", procedure, charge, paid, List.of(modifiers), null));
        return this;
    }

    /** An institutional line billed by revenue code (SVC01 qualifier NU). */
    Claims revenueLine(String revenueCode, String charge, String paid) {
        lines.add(new LineBuilder("NU", revenueCode, charge, paid, List.of(), null));
        return this;
    }

    /** An institutional line with a HCPCS code and its revenue code in SVC04. */
    Claims hcpcsLineWithRevenue(String procedure, String revenueCode, String charge, String paid) {
        lines.add(new LineBuilder("HC", procedure, charge, paid, List.of(), revenueCode));
        return this;
    }

    /** An adjustment on the last line. */
    Claims lineAdjust(String group, String reason, String amount) {
        last().adjustments.add(new Adjustment(Adjustment.Level.LINE, group, reason, new BigDecimal(amount), null));
        return this;
    }

    /** LQ*HE remarks on the last line. */
    Claims lineRemark(String... rarcs) {
        last().remarks.addAll(List.of(rarcs));
        return this;
    }

    ClaimPayment build() {
        return new ClaimPayment("PCN-1", status, charge, paid, BigDecimal.ZERO, filingIndicator, "PAYER-CCN-1",
                facilityCode, "1", null, null, null, null, null, null, null, adjustments, remarks, Map.of(), Map.of(),
                lines.stream().map(LineBuilder::build).toList());
    }

    private LineBuilder last() {
        return lines.get(lines.size() - 1);
    }

    private static final class LineBuilder {
        private final String qualifier;
        private final String procedure;
        private final BigDecimal charge;
        private final BigDecimal paid;
        private final List<String> modifiers;
        private final String revenueCode;
        private final List<Adjustment> adjustments = new ArrayList<>();
        private final List<String> remarks = new ArrayList<>();

        LineBuilder(String qualifier, String procedure, String charge, String paid, List<String> modifiers,
                String revenueCode) {
            this.qualifier = qualifier;
            this.procedure = procedure;
            this.charge = new BigDecimal(charge);
            this.paid = new BigDecimal(paid);
            this.modifiers = modifiers;
            this.revenueCode = revenueCode;
        }

        ServiceLine build() {
            return new ServiceLine(qualifier, procedure, modifiers, charge, paid, revenueCode, BigDecimal.ONE, null,
                    null, null, adjustments, remarks, Map.of(), Map.of());
        }
    }
}

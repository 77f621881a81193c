package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import org.overturn.x12.ProcedureCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.overturn.remittance.Adjustment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.ServiceLine;

/** Loop 2110 being read: the SVC and the DTM, CAS, REF, AMT and LQ segments after it. */
final class LineBuilder {

    private final ProcedureCode procedure;
    private final BigDecimal charge;
    private final BigDecimal paid;
    private final String revenueCode;
    private final BigDecimal units;
    private final String originalProcedure;
    private LocalDate serviceDate;
    private LocalDate serviceDateTo;
    // made at the first value: most lines and claims leave some of them empty, and the record copies them anyway
    private List<Adjustment> adjustments;
    private List<String> remarks;
    private Map<String, String> references;
    private Map<String, BigDecimal> amounts;

    private LineBuilder(ProcedureCode procedure, BigDecimal charge, BigDecimal paid, String revenueCode,
                        BigDecimal units, String originalProcedure) {
        this.procedure = procedure;
        this.charge = charge;
        this.paid = paid;
        this.revenueCode = revenueCode;
        this.units = units;
        this.originalProcedure = originalProcedure;
    }

    /**
     * Reads an SVC. When SVC01 holds a qualifier alone and the code follows as SVC02 (a payer that dropped
     * the component separator: {@code SVC*HC*24599.00*1766.50*187.50**1}), every later element has moved
     * one place right, and is read one place right: the code from SVC02 (an amount-style ".00" removed),
     * the charge from SVC03, the payment from SVC04 and so on. Read in place, the code would become the
     * charge and the charge the payment.
     */
    static LineBuilder from(Segment svc) throws MalformedX12Exception {
        svc.requiredText(1);
        ProcedureCode code = ProcedureCode.of(svc, 1);
        int shift = 0;
        if (svc.componentCount(1) == 1 && code.isBareQualifier() && svc.isPresent(2) && svc.componentCount(2) == 1) {
            shift = 1;
            code = new ProcedureCode(code.qualifier(), withoutZeroFraction(svc.text(2)), List.of());
        }
        code.checkLengths(svc, "SVC01");
        if (code.code() == null) {
            throw svc.error("SVC01 '" + svc.text(1) + "' has no procedure code");
        }
        BigDecimal charge = svc.requiredAmount(2 + shift);
        BigDecimal paid = svc.requiredAmount(3 + shift);
        String revenueCode = svc.text(4 + shift, 48);
        BigDecimal units = svc.amount(5 + shift);
        ProcedureCode original = ProcedureCode.of(svc, 6 + shift);
        if (original != null) {
            original.checkLengths(svc, svc.name(6 + shift));
        }
        return new LineBuilder(code, charge, paid, revenueCode, units, original == null ? null : original.code());
    }

    void date(Segment dtm) throws MalformedX12Exception {
        String qualifier = dtm.text(1);
        if ("472".equals(qualifier) || "150".equals(qualifier)) {
            serviceDate = dtm.requiredDate(2);
        } else if ("151".equals(qualifier)) {
            serviceDateTo = dtm.requiredDate(2);
        }
    }

    void adjustment(Segment cas) throws MalformedX12Exception {
        if (adjustments == null) {
            adjustments = new ArrayList<>(2);
        }
        AdjustmentSegment.read(cas, Adjustment.Level.LINE, adjustments);
    }

    void reference(Segment ref) throws MalformedX12Exception {
        String qualifier = ref.text(1);
        String value = ref.text(2, 50);
        if (qualifier != null && value != null) {
            if (references == null) {
                references = new HashMap<>(4);
            }
            references.putIfAbsent(qualifier, value);
        }
    }

    void amount(Segment amt) throws MalformedX12Exception {
        String qualifier = amt.requiredText(1);
        BigDecimal amount = amt.requiredAmount(2);
        if (amounts == null) {
            amounts = new HashMap<>(4);
        }
        amounts.putIfAbsent(qualifier, amount);
    }

    /** LQ*HE carries a remark code (RARC); other qualifiers (RX: NCPDP reject codes) are not remarks. */
    void remark(Segment lq) throws MalformedX12Exception {
        if (!"HE".equals(lq.text(1))) {
            return;
        }
        String code = lq.text(2, ClaimBuilder.MAX_REMARK_LENGTH);
        if (code != null) {
            if (remarks == null) {
                remarks = new ArrayList<>(1);
            }
            remarks.add(code);
        }
    }

    ServiceLine build() {
        return new ServiceLine(procedure.qualifier(), procedure.code(), procedure.modifiers(), charge, paid,
                revenueCode, units, originalProcedure, serviceDate, serviceDateTo, orEmpty(adjustments),
                orEmpty(remarks), orEmpty(references), orEmpty(amounts));
    }

    static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static String withoutZeroFraction(String code) {
        int point = code.indexOf('.');
        if (point < 1) {
            return code;
        }
        for (int i = 0; i < point; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return code;
            }
        }
        for (int i = point + 1; i < code.length(); i++) {
            if (code.charAt(i) != '0') {
                return code;
            }
        }
        return code.substring(0, point);
    }
}

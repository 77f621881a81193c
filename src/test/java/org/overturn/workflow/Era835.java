package org.overturn.workflow;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small synthetic 835 (005010X221A1) with one claim of one service line: a denial (CLP02 4, the adjustment
 * on the line), a payment (CLP02 1) or a reversal (CLP02 22). Envelope counts and balances are right, and
 * every file gets its own trace and control numbers so tests can ingest as many as they like.
 */
final class Era835 {

    static final String PAYER_ID = "OVT-TEST-PAYER";
    private static final AtomicInteger CONTROL = new AtomicInteger(700_000);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final String patientControlNumber;
    private final String status;
    private final BigDecimal charge;
    private final BigDecimal paid;
    private String group = "CO";
    private String reason;
    private String procedure = "90837";
    private List<String> modifiers = List.of();
    private String payerName = "OVERTURN TEST HEALTH";
    private String payerId = PAYER_ID;
    private LocalDate date = LocalDate.now();
    private String filingIndicator = "CI";
    private String originalReference;

    private Era835(String patientControlNumber, String status, BigDecimal charge, BigDecimal paid) {
        this.patientControlNumber = patientControlNumber;
        this.status = status;
        this.charge = charge;
        this.paid = paid;
    }

    /** The claim denied whole (CLP02 4) with one adjustment of the whole charge, e.g. CO-50. */
    static Era835 denial(String patientControlNumber, String group, String reason, String amount) {
        Era835 era = new Era835(patientControlNumber, "4", new BigDecimal(amount), BigDecimal.ZERO);
        era.group = group;
        era.reason = reason;
        return era;
    }

    /** The claim processed as primary and paid in full. */
    static Era835 payment(String patientControlNumber, String amount) {
        return new Era835(patientControlNumber, "1", new BigDecimal(amount), new BigDecimal(amount));
    }

    /** The payer takes back its earlier adjudication of a denied claim (CLP02 22, negative charge). */
    static Era835 reversalOfDenial(String patientControlNumber, String group, String reason, String amount) {
        Era835 era = new Era835(patientControlNumber, "22", new BigDecimal(amount).negate(), BigDecimal.ZERO);
        era.group = group;
        era.reason = reason;
        return era;
    }

    Era835 procedure(String code, String... modifiers) {
        this.procedure = code;
        this.modifiers = List.of(modifiers);
        return this;
    }

    /** The payer as N1*PR names it; a null id leaves out REF*2U. */
    Era835 payer(String name, String id) {
        this.payerName = name;
        this.payerId = id;
        return this;
    }

    /** CLP06, the claim filing indicator (CI commercial, MB Medicare Part B, MC Medicaid...). */
    Era835 filing(String indicator) {
        this.filingIndicator = indicator;
        return this;
    }

    /** REF*F8: the payer's claim control number of the claim this one replaces. */
    Era835 replacing(String payerClaimControlNumber) {
        this.originalReference = payerClaimControlNumber;
        return this;
    }

    Era835 on(LocalDate date) {
        this.date = date;
        return this;
    }

    byte[] bytes() {
        int control = CONTROL.incrementAndGet();
        String day = CCYYMMDD.format(date);
        List<String> transaction = new ArrayList<>();
        transaction.add("ST*835*0001");
        transaction.add(paid.signum() > 0
                ? "BPR*I*" + paid.toPlainString() + "*C*ACH*CCP*01*111*DA*33*1234567890**01*111*DA*22*" + day
                : "BPR*H*0*C*NON************" + day);
        transaction.add("TRN*1*OVT-" + control + "-" + System.nanoTime() + "*1234567890");
        transaction.add("N1*PR*" + payerName);
        if (payerId != null) {
            transaction.add("REF*2U*" + payerId);
        }
        transaction.add("N1*PE*OVERTURN CLINIC*XX*1234567893");
        transaction.add("LX*1");
        transaction.add("CLP*" + patientControlNumber + "*" + status + "*" + charge.toPlainString() + "*"
                + paid.toPlainString() + "*0*" + filingIndicator + "*ICN-" + patientControlNumber);
        transaction.add("NM1*QC*1*DOE*JANE****MI*M" + control);
        if (originalReference != null) {
            transaction.add("REF*F8*" + originalReference);
        }
        String composite = "HC:" + procedure + (modifiers.isEmpty() ? "" : ":" + String.join(":", modifiers));
        int units = charge.signum() < 0 ? -1 : 1;
        transaction.add("SVC*" + composite + "*" + charge.toPlainString() + "*" + paid.toPlainString() + "**" + units);
        transaction.add("DTM*472*" + day);
        BigDecimal adjusted = charge.subtract(paid);
        if (reason != null && adjusted.signum() != 0) {
            transaction.add("CAS*" + group + "*" + reason + "*" + adjusted.toPlainString());
        }
        transaction.add("SE*" + (transaction.size() + 1) + "*0001");
        StringBuilder file = new StringBuilder()
                .append(String.format("ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLINIC         *%s*1200*^*00501*%09d*0*P*:~",
                        YYMMDD.format(date), control))
                .append("GS*HP*PAYER*CLINIC*").append(day).append("*1200*").append(control).append("*X*005010X221A1~");
        transaction.forEach(segment -> file.append(segment).append('~'));
        file.append("GE*1*").append(control).append("~IEA*1*").append(String.format("%09d", control)).append('~');
        return file.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

package org.overturn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays payment advices out as 005010X221A1 segments inside ISA/GS envelopes, in the order the
 * implementation guide gives for each loop. Knows the layout, not the business: amounts arrive balanced.
 */
final class RemittanceWriter {

    static final String VERSION = "005010X221A1";
    /** A clearinghouse re-envelopes every payer's 835 under its own id. */
    static final String SENDER_ID = "OVTCLEARHOUSE";
    static final String RECEIVER_ID = "RIVERBENDBH";

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int CAS_TRIPLETS = 6;
    private static final int MOA_REMARKS = 5;

    private final SegmentWriter segments;
    private final Clinic clinic;

    RemittanceWriter(SegmentWriter segments, Clinic clinic) {
        this.segments = segments;
        this.clinic = clinic;
    }

    void startInterchange(int controlNumber, LocalDate date, String time) {
        segments.write("ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", pad(SENDER_ID), "ZZ",
                pad(RECEIVER_ID), date.format(YYMMDD), time, String.valueOf(SegmentWriter.REPETITION), "00501",
                interchangeNumber(controlNumber), "0", "P", String.valueOf(SegmentWriter.COMPONENT));
        segments.write("GS", "HP", SENDER_ID, RECEIVER_ID, SegmentWriter.date(date), time,
                String.valueOf(controlNumber), "X", VERSION);
    }

    void endInterchange(int controlNumber, int transactions) {
        segments.write("GE", String.valueOf(transactions), String.valueOf(controlNumber));
        segments.write("IEA", "1", interchangeNumber(controlNumber));
    }

    void transaction(String controlNumber, PaymentAdvice advice) {
        segments.resetCount();
        segments.write("ST", "835", controlNumber);
        payment(advice);
        segments.write("TRN", "1", advice.trace(), "1" + advice.payer().taxId());
        segments.write("DTM", "405", SegmentWriter.date(advice.productionDate()));
        payer(advice.payer());
        payee();
        if (!advice.claims().isEmpty()) {
            segments.write("LX", "1");
        }
        for (ClaimDecision claim : advice.claims()) {
            claim(claim);
        }
        providerAdjustments(advice);
        segments.write("SE", String.valueOf(segments.count() + 1), controlNumber);
    }

    private void payment(PaymentAdvice advice) {
        BigDecimal total = advice.total();
        String date = SegmentWriter.date(advice.paymentDate());
        Payer payer = advice.payer();
        if (total.signum() == 0) {
            segments.write("BPR", "H", SegmentWriter.amount(total), "C", "NON", null, null, null, null, null, null,
                    null, null, null, null, null, date);
        } else if ("CHK".equals(payer.paymentMethod())) {
            segments.write("BPR", "I", SegmentWriter.amount(total), "C", "CHK", null, null, null, null, null, null,
                    null, null, null, null, null, date);
        } else {
            segments.write("BPR", "I", SegmentWriter.amount(total), "C", "ACH", "CCP", "01",
                    routingNumber("0" + payer.number() + "97123"), "DA", "7" + payer.number() + "0042188",
                    "1" + payer.taxId(), null, "01", routingNumber("03130009"), "DA", "4400918273", date);
        }
    }

    private void payer(Payer payer) {
        segments.write("N1", "PR", payer.name());
        segments.write("N3", payer.street());
        segments.write("N4", payer.city(), payer.state(), payer.postalCode());
        segments.write("REF", "2U", payer.payerId());
        segments.write("PER", "BL", "EDI SUPPORT", "TE", payer.phone());
        segments.write("PER", "IC", "PROVIDER SERVICES", "UR", payer.website());
    }

    private void payee() {
        segments.write("N1", "PE", clinic.name(), "XX", clinic.npi());
        segments.write("N3", clinic.street());
        segments.write("N4", clinic.city(), clinic.state(), clinic.postalCode());
        segments.write("REF", "TJ", clinic.taxId());
    }

    private void claim(ClaimDecision claim) {
        BilledClaim billed = claim.billed();
        Patient patient = billed.patient();
        segments.write("CLP", billed.patientControlNumber(), claim.status(), SegmentWriter.amount(claim.charge()),
                SegmentWriter.amount(claim.paid()), SegmentWriter.amount(claim.patientResponsibility()),
                patient.payer().planType().filingIndicator(), claim.payerClaimControlNumber(), billed.facilityCode(),
                "1");
        adjustments(claim.adjustments());
        segments.write("NM1", "QC", "1", patient.lastName(), patient.firstName(), patient.middleInitial(), null,
                null, "MI", patient.memberId());
        if (patient.subscriber() != null) {
            Patient.Subscriber holder = patient.subscriber();
            segments.write("NM1", "IL", "1", holder.lastName(), holder.firstName(), null, null, null, "MI",
                    holder.memberId());
        }
        Clinician clinician = billed.clinician();
        segments.write("NM1", "82", "1", clinician.lastName(), clinician.firstName(), null, null, null, "XX",
                clinician.npi());
        if (!claim.remarks().isEmpty()) {
            String[] moa = new String[2 + MOA_REMARKS];
            for (int i = 0; i < claim.remarks().size() && i < MOA_REMARKS; i++) {
                moa[2 + i] = claim.remarks().get(i);
            }
            segments.write("MOA", moa);
        }
        if (patient.groupNumber() != null) {
            segments.write("REF", "1L", patient.groupNumber());
        }
        segments.write("DTM", "232", SegmentWriter.date(billed.firstServiceDate()));
        segments.write("DTM", "233", SegmentWriter.date(billed.lastServiceDate()));
        segments.write("DTM", "050", SegmentWriter.date(claim.receivedDate()));
        for (LineDecision line : claim.lines()) {
            line(line);
        }
    }

    private void line(LineDecision line) {
        List<String> procedure = new ArrayList<>(6);
        procedure.add("HC");
        procedure.add(line.procedure().code());
        procedure.addAll(line.modifiers());
        segments.write("SVC", SegmentWriter.composite(procedure.toArray(String[]::new)),
                SegmentWriter.amount(line.charge()), SegmentWriter.amount(line.paid()), line.procedure().revenueCode(),
                String.valueOf(line.units()));
        segments.write("DTM", "472", SegmentWriter.date(line.serviceDate()));
        adjustments(line.adjustments());
        segments.write("REF", "6R", line.controlNumber());
        if (line.allowed() != null) {
            segments.write("AMT", "B6", SegmentWriter.amount(line.allowed()));
        }
        for (String remark : line.remarks()) {
            segments.write("LQ", "HE", remark);
        }
    }

    /** One CAS per group, in order of first appearance, at most six reason/amount/quantity triplets each. */
    private void adjustments(List<CasAmount> adjustments) {
        if (adjustments.isEmpty()) {
            return;
        }
        Map<String, List<CasAmount>> byGroup = new LinkedHashMap<>();
        for (CasAmount adjustment : adjustments) {
            byGroup.computeIfAbsent(adjustment.group(), g -> new ArrayList<>()).add(adjustment);
        }
        for (Map.Entry<String, List<CasAmount>> group : byGroup.entrySet()) {
            List<CasAmount> triplets = group.getValue();
            for (int from = 0; from < triplets.size(); from += CAS_TRIPLETS) {
                List<CasAmount> chunk = triplets.subList(from, Math.min(triplets.size(), from + CAS_TRIPLETS));
                String[] elements = new String[1 + 3 * chunk.size()];
                elements[0] = group.getKey();
                for (int i = 0; i < chunk.size(); i++) {
                    elements[1 + 3 * i] = chunk.get(i).reason();
                    elements[2 + 3 * i] = SegmentWriter.amount(chunk.get(i).amount());
                }
                segments.write("CAS", elements);
            }
        }
    }

    private void providerAdjustments(PaymentAdvice advice) {
        List<ProviderLevelAdjustment> adjustments = advice.providerAdjustments();
        // PLB holds up to six reason/amount pairs after the provider id and fiscal period
        for (int from = 0; from < adjustments.size(); from += 6) {
            List<ProviderLevelAdjustment> chunk = adjustments.subList(from, Math.min(adjustments.size(), from + 6));
            String[] elements = new String[2 + 2 * chunk.size()];
            elements[0] = clinic.npi();
            elements[1] = SegmentWriter.date(LocalDate.of(advice.paymentDate().getYear(), 12, 31));
            for (int i = 0; i < chunk.size(); i++) {
                ProviderLevelAdjustment adjustment = chunk.get(i);
                elements[2 + 2 * i] = SegmentWriter.composite(adjustment.reason(), adjustment.reference());
                elements[3 + 2 * i] = SegmentWriter.amount(adjustment.amount());
            }
            segments.write("PLB", elements);
        }
    }

    private static String interchangeNumber(int controlNumber) {
        return String.format("%09d", controlNumber);
    }

    private static String pad(String id) {
        return String.format("%-15s", id);
    }

    /** An ABA routing number: eight digits and the 3-7-1 weighted check digit. */
    static String routingNumber(String eightDigits) {
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * weights[i];
        }
        return eightDigits + (10 - sum % 10) % 10;
    }
}

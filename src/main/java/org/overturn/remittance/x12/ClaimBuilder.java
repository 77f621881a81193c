package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.PersonName;
import org.overturn.remittance.ServiceLine;

/** Loop 2100 being read: the CLP, the claim-level segments after it, and its service lines. */
final class ClaimBuilder {

    /** MIA05 and MIA20-23 are the remark codes of the inpatient adjudication segment. */
    private static final int[] MIA_REMARKS = {5, 20, 21, 22, 23};
    /** MOA03-07 are the remark codes of the outpatient adjudication segment. */
    private static final int[] MOA_REMARKS = {3, 4, 5, 6, 7};
    /** Remark codes are a few characters (N54, MA130); the table keeps 30, as LQ02 allows. */
    static final int MAX_REMARK_LENGTH = 30;

    private final String patientControlNumber;
    private final String status;
    private final BigDecimal charge;
    private final BigDecimal paid;
    private final BigDecimal patientResponsibility;
    private final String filingIndicator;
    private final String payerClaimControlNumber;
    private final String facilityCode;
    private final String frequencyCode;
    private PersonName patient;
    private PersonName insured;
    private PersonName correctedPatient;
    private PersonName renderingProvider;
    private LocalDate statementFrom;
    private LocalDate statementTo;
    private LocalDate receivedDate;
    // made at the first value: most lines and claims leave some of them empty, and the record copies them anyway
    private List<Adjustment> adjustments;
    private List<String> remarks;
    private Map<String, String> references;
    private Map<String, BigDecimal> amounts;
    private final List<ServiceLine> lines = new ArrayList<>(4);
    private LineBuilder line;

    private ClaimBuilder(Segment clp) throws MalformedX12Exception {
        patientControlNumber = clp.requiredText(1, 38);
        status = clp.requiredText(2, 2);
        charge = clp.requiredAmount(3);
        paid = clp.requiredAmount(4);
        BigDecimal responsibility = clp.amount(5);
        patientResponsibility = responsibility == null ? BigDecimal.ZERO : responsibility;
        filingIndicator = clp.text(6, 2);
        payerClaimControlNumber = clp.text(7, 50);
        facilityCode = clp.text(8, 2);
        frequencyCode = clp.text(9, 1);
    }

    static ClaimBuilder from(Segment clp) throws MalformedX12Exception {
        return new ClaimBuilder(clp);
    }

    void person(Segment nm1) throws MalformedX12Exception {
        String entity = nm1.text(1);
        if (entity == null) {
            return;
        }
        switch (entity) {
            case "QC" -> patient = name(nm1, entity);
            case "IL" -> insured = name(nm1, entity);
            case "74" -> correctedPatient = name(nm1, entity);
            case "82" -> renderingProvider = name(nm1, entity);
            default -> {
                // crossover carrier (TT), corrected priority payer (PR), other subscriber (GB) ...: not modelled
            }
        }
    }

    void date(Segment dtm) throws MalformedX12Exception {
        String qualifier = dtm.text(1);
        if (qualifier == null) {
            return;
        }
        switch (qualifier) {
            case "232" -> statementFrom = dtm.requiredDate(2);
            case "233" -> statementTo = dtm.requiredDate(2);
            case "050" -> receivedDate = dtm.requiredDate(2);
            default -> {
                // coverage expiration (036) and others: not modelled
            }
        }
    }

    void adjustment(Segment cas) throws MalformedX12Exception {
        if (adjustments == null) {
            adjustments = new ArrayList<>(2);
        }
        AdjustmentSegment.read(cas, Adjustment.Level.CLAIM, adjustments);
    }

    void inpatientRemarks(Segment mia) throws MalformedX12Exception {
        addRemarks(mia, MIA_REMARKS);
    }

    void outpatientRemarks(Segment moa) throws MalformedX12Exception {
        addRemarks(moa, MOA_REMARKS);
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

    LineBuilder startLine(Segment svc) throws MalformedX12Exception {
        closeLine();
        line = LineBuilder.from(svc);
        return line;
    }

    ClaimPayment build() {
        closeLine();
        return new ClaimPayment(patientControlNumber, status, charge, paid, patientResponsibility, filingIndicator,
                payerClaimControlNumber, facilityCode, frequencyCode, patient, insured, correctedPatient,
                renderingProvider, statementFrom, statementTo, receivedDate, LineBuilder.orEmpty(adjustments),
                LineBuilder.orEmpty(remarks), LineBuilder.orEmpty(references), LineBuilder.orEmpty(amounts), lines);
    }

    private void closeLine() {
        if (line != null) {
            lines.add(line.build());
            line = null;
        }
    }

    private void addRemarks(Segment segment, int[] elements) throws MalformedX12Exception {
        for (int element : elements) {
            String code = segment.text(element, MAX_REMARK_LENGTH);
            if (code != null) {
                if (remarks == null) {
                    remarks = new ArrayList<>(2);
                }
                remarks.add(code);
            }
        }
    }

    private static PersonName name(Segment nm1, String entity) throws MalformedX12Exception {
        return new PersonName(entity, nm1.text(3, 60), nm1.text(4, 35), nm1.text(5, 25), nm1.text(8, 2),
                nm1.text(9, 80));
    }
}

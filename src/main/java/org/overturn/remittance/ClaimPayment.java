package org.overturn.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Loop 2100: the payer's decision on one claim (CLP) with its adjustments, people, dates, remark codes and
 * service lines. Holds PHI (patient and insured): never log it.
 *
 * @param patientControlNumber  CLP01, the practice's claim id
 * @param status                CLP02 (1, 2, 3, 4, 19-23, 25)
 * @param charge                CLP03
 * @param paid                  CLP04
 * @param patientResponsibility CLP05, zero when not sent
 * @param filingIndicator       CLP06
 * @param payerClaimControlNumber CLP07
 * @param facilityCode          CLP08 (place of service or bill type), or null
 * @param frequencyCode         CLP09, or null
 * @param patient               NM1*QC, or null
 * @param insured               NM1*IL, or null
 * @param correctedPatient      NM1*74, or null
 * @param renderingProvider     NM1*82, or null
 * @param statementFrom         DTM*232, or null
 * @param statementTo           DTM*233, or null
 * @param receivedDate          DTM*050, or null
 * @param adjustments           claim-level CAS triplets, in file order
 * @param remarks               RARCs from MIA and MOA, in file order
 * @param references            claim REF segments, qualifier to value (first one wins)
 * @param amounts               claim AMT segments, qualifier to amount
 * @param lines                 loop 2110, in file order
 */
public record ClaimPayment(
        String patientControlNumber,
        String status,
        BigDecimal charge,
        BigDecimal paid,
        BigDecimal patientResponsibility,
        String filingIndicator,
        String payerClaimControlNumber,
        String facilityCode,
        String frequencyCode,
        PersonName patient,
        PersonName insured,
        PersonName correctedPatient,
        PersonName renderingProvider,
        LocalDate statementFrom,
        LocalDate statementTo,
        LocalDate receivedDate,
        List<Adjustment> adjustments,
        List<String> remarks,
        Map<String, String> references,
        Map<String, BigDecimal> amounts,
        List<ServiceLine> lines) {

    public ClaimPayment {
        adjustments = List.copyOf(adjustments);
        remarks = List.copyOf(remarks);
        references = Map.copyOf(references);
        amounts = Map.copyOf(amounts);
        lines = List.copyOf(lines);
    }

    public boolean isReversal() {
        return "22".equals(status);
    }

    /** Claim-level and line-level adjustments together, claim level first. */
    public List<Adjustment> allAdjustments() {
        return java.util.stream.Stream.concat(adjustments.stream(),
                lines.stream().flatMap(l -> l.adjustments().stream())).toList();
    }

    /** The member id: from the insured when sent, else the patient. */
    public String memberId() {
        if (insured != null && insured.id() != null) {
            return insured.id();
        }
        return patient == null ? null : patient.id();
    }

    @Override
    public String toString() {
        return "ClaimPayment[status=" + status + ", charge=" + charge + ", paid=" + paid + ", lines=" + lines.size() + "]";
    }
}

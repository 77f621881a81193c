package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One claim (loop 2300) with everything around it a denial is worked from. Holds PHI: never log it.
 *
 * @param kind                 837P or 837I
 * @param patientControlNumber CLM01, what the 835 echoes in CLP01
 * @param charge               CLM02
 * @param facilityCode         CLM05-1: place of service on an 837P, facility type (first two digits of the type
 *                             of bill) on an 837I
 * @param facilityQualifier    CLM05-2 (B place of service, A uniform billing claim form bill type)
 * @param frequency            CLM05-3: 1 original, 7 replacement, 8 void
 * @param payer                2010BB payer
 * @param billingProvider      2010AA
 * @param renderingProvider    2310B rendering (837P), 2310A attending (837I) ... the one who saw the patient; null
 *                             when the billing provider rendered the service
 * @param subscriber           2010BA
 * @param patient              2010CA when the patient is a dependent, else the subscriber
 * @param filingIndicator      SBR09 (MB, MC, CI, BL, 16 ...)
 * @param diagnoses            HI codes without the dot, principal (ABK/BK, or ABJ/BJ admitting after it on an 837I)
 *                             first
 * @param priorAuthorization   claim REF*G1, or null
 * @param referral             REF*9F, or null
 * @param originalReference    REF*F8 (the payer's claim control number being replaced or voided), or null
 * @param admissionDate        DTP*435 (837I), or null
 * @param dischargeDate        DTP*096 (837I), or null
 * @param statementFrom        DTP*434 start (837I), or null
 * @param statementTo          DTP*434 end (837I), or null
 * @param occurrenceSpans      HI*BI (837I)
 * @param lines                loop 2400, in file order
 */
public record BilledClaim(
        ClaimKind kind,
        String patientControlNumber,
        BigDecimal charge,
        String facilityCode,
        String facilityQualifier,
        String frequency,
        ClaimParty payer,
        ClaimProvider billingProvider,
        ClaimProvider renderingProvider,
        ClaimPerson subscriber,
        ClaimPerson patient,
        String filingIndicator,
        List<String> diagnoses,
        String priorAuthorization,
        String referral,
        String originalReference,
        LocalDate admissionDate,
        LocalDate dischargeDate,
        LocalDate statementFrom,
        LocalDate statementTo,
        List<OccurrenceSpan> occurrenceSpans,
        List<BilledLine> lines) {

    public BilledClaim {
        diagnoses = List.copyOf(diagnoses);
        occurrenceSpans = List.copyOf(occurrenceSpans);
        lines = List.copyOf(lines);
    }

    /** Place of service of a professional claim (CLM05-1), null for an institutional one. */
    public String placeOfService() {
        return kind == ClaimKind.PROFESSIONAL ? facilityCode : null;
    }

    /** Type of bill of an institutional claim ("0" + CLM05-1 + CLM05-3, e.g. 0131), null for a professional one. */
    public String typeOfBill() {
        return kind == ClaimKind.INSTITUTIONAL && facilityCode != null && frequency != null
                ? "0" + facilityCode + frequency : null;
    }

    /** The first date of service on the claim's lines (or the statement period), null when none is given. */
    public LocalDate firstServiceDate() {
        LocalDate first = statementFrom;
        for (BilledLine line : lines) {
            if (line.serviceDate() != null && (first == null || line.serviceDate().isBefore(first))) {
                first = line.serviceDate();
            }
        }
        return first;
    }

    /** The last date of service on the claim's lines (or the statement period), null when none is given. */
    public LocalDate lastServiceDate() {
        LocalDate last = statementTo;
        for (BilledLine line : lines) {
            LocalDate end = line.serviceDateTo() != null ? line.serviceDateTo() : line.serviceDate();
            if (end != null && (last == null || end.isAfter(last))) {
                last = end;
            }
        }
        return last;
    }

    /** The provider who rendered the service: the rendering provider when one is named, else the billing one. */
    public ClaimProvider renderedBy() {
        return renderingProvider != null ? renderingProvider : billingProvider;
    }

    @Override
    public String toString() {
        return "BilledClaim[" + kind.label() + ", " + lines.size() + " line(s), masked]";
    }
}

package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.x12.Composite;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * Loop 2300 being read: the CLM, the claim's dates, references and codes, its rendering or attending provider
 * (2310), and its service lines. The parties around it (payer, billing provider, subscriber, patient) are known
 * when the CLM arrives and are given to it then.
 *
 * <p>The discharge date: an 837P sends it (DTP*096 D8, the hospitalization's end), an 837I sends only the
 * discharge hour there (DTP*096 TM), on the claim whose statement period ends with the discharge; that period's
 * last day is then taken as the discharge date, as the UB-04 reads.
 */
final class BilledClaimBuilder {

    private final ClaimKind kind;
    private final String patientControlNumber;
    private final BigDecimal charge;
    private final String facilityCode;
    private final String facilityQualifier;
    private final String frequency;
    private final ClaimParty payer;
    private final ClaimProvider billingProvider;
    private final ClaimPerson subscriber;
    private final ClaimPerson patient;
    private final String filingIndicator;
    private ClaimProviderBuilder rendering;
    private ClaimProviderBuilder attending;
    private final HealthCareCodes codes = new HealthCareCodes();
    private String priorAuthorization;
    private String referral;
    private String originalReference;
    private LocalDate admissionDate;
    private LocalDate dischargeDate;
    private boolean dischargeHourSent;
    private LocalDate statementFrom;
    private LocalDate statementTo;
    private final List<BilledLine> lines = new ArrayList<>(4);
    private BilledLineBuilder line;

    /** Who a claim is for and from: known from the hierarchical levels above it when its CLM arrives. */
    record Parties(ClaimParty payer, ClaimProvider billingProvider, ClaimPerson subscriber, ClaimPerson patient,
                   String filingIndicator) {
    }

    private BilledClaimBuilder(ClaimKind kind, Segment clm, Parties parties) throws MalformedX12Exception {
        this.kind = kind;
        patientControlNumber = clm.requiredText(1, 38);
        charge = clm.requiredAmount(2);
        String[] facility = Composite.parts(clm, 5);
        facilityCode = clm.checkLength("CLM05-1 (facility code)", part(facility, 0), 2);
        facilityQualifier = clm.checkLength("CLM05-2 (facility code qualifier)", part(facility, 1), 1);
        frequency = clm.checkLength("CLM05-3 (claim frequency)", part(facility, 2), 1);
        payer = parties.payer();
        billingProvider = parties.billingProvider();
        subscriber = parties.subscriber();
        patient = parties.patient();
        filingIndicator = parties.filingIndicator();
    }

    static BilledClaimBuilder from(ClaimKind kind, Segment clm, Parties parties) throws MalformedX12Exception {
        return new BilledClaimBuilder(kind, clm, parties);
    }

    /** DTP*435 admission, DTP*096 discharge, DTP*434 statement period; other claim dates are not kept. */
    void date(Segment dtp) throws MalformedX12Exception {
        String qualifier = dtp.text(1);
        if (qualifier == null) {
            return;
        }
        switch (qualifier) {
            case "435" -> admissionDate = dated(dtp).from();
            case "096" -> {
                ClaimDates.Period period = ClaimDates.period(dtp);
                if (period == null) {
                    dischargeHourSent = true;
                } else {
                    dischargeDate = period.from();
                }
            }
            case "434" -> {
                // a D8 statement period (older senders) is one day
                ClaimDates.Period period = dated(dtp);
                statementFrom = period.from();
                statementTo = period.last();
            }
            default -> {
                // onset, initial treatment, last seen, accident ...: not modelled
            }
        }
    }

    /** REF*G1 prior authorization, REF*9F referral, REF*F8 payer claim control number being replaced or voided. */
    void reference(Segment ref) throws MalformedX12Exception {
        String qualifier = ref.text(1);
        if (qualifier == null) {
            return;
        }
        switch (qualifier) {
            case "G1" -> priorAuthorization = first(priorAuthorization, ref);
            case "9F" -> referral = first(referral, ref);
            case "F8" -> originalReference = first(originalReference, ref);
            default -> {
                // medical record number (EA), clearinghouse trace (D9), repriced claim (9A) ...: not modelled
            }
        }
    }

    void codes(Segment hi) throws MalformedX12Exception {
        codes.read(hi);
    }

    /** NM1*82: the rendering provider (2310B on an 837P, 2310D on an 837I). */
    ClaimProviderBuilder rendering(Segment nm1) throws MalformedX12Exception {
        rendering = ClaimProviderBuilder.from(nm1);
        return rendering;
    }

    /** NM1*71: the attending provider of an 837I (2310A). */
    ClaimProviderBuilder attending(Segment nm1) throws MalformedX12Exception {
        attending = ClaimProviderBuilder.from(nm1);
        return attending;
    }

    BilledLineBuilder startLine(Segment lx) throws MalformedX12Exception {
        closeLine();
        line = BilledLineBuilder.from(lx);
        return line;
    }

    BilledClaim build() throws MalformedX12Exception {
        closeLine();
        LocalDate discharge = dischargeDate == null && dischargeHourSent ? statementTo : dischargeDate;
        return new BilledClaim(kind, patientControlNumber, charge, facilityCode, facilityQualifier, frequency, payer,
                billingProvider, renderedBy(), subscriber, patient, filingIndicator, codes.diagnoses(),
                priorAuthorization, referral, originalReference, admissionDate, discharge, statementFrom,
                statementTo, codes.occurrenceSpans(), lines);
    }

    /**
     * Who saw the patient: the rendering provider when named; on an 837I without one, the attending provider,
     * who is responsible for the patient's care during the stay.
     */
    private ClaimProvider renderedBy() {
        if (rendering != null) {
            return rendering.build();
        }
        return kind == ClaimKind.INSTITUTIONAL && attending != null ? attending.build() : null;
    }

    private void closeLine() throws MalformedX12Exception {
        if (line != null) {
            lines.add(line.build());
            line = null;
        }
    }

    private static ClaimDates.Period dated(Segment dtp) throws MalformedX12Exception {
        ClaimDates.Period period = ClaimDates.period(dtp);
        if (period == null) {
            throw dtp.error("DTP02 'TM' gives a time, not the date DTP01 " + dtp.text(1) + " needs");
        }
        return period;
    }

    private static String first(String current, Segment ref) throws MalformedX12Exception {
        return current != null ? current : ref.text(2, 50);
    }

    private static String part(String[] parts, int index) {
        return parts != null && index < parts.length ? parts[index] : null;
    }
}

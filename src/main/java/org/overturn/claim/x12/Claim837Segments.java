package org.overturn.claim.x12;

import static org.overturn.claim.x12.SegmentWriter.composite;
import static org.overturn.claim.x12.X12Text.id;
import static org.overturn.claim.x12.X12Text.number;
import static org.overturn.claim.x12.X12Text.requiredId;
import static org.overturn.claim.x12.X12Text.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.OccurrenceSpan;
import org.overturn.claim.x12.SegmentWriter.Composite;

/**
 * The segments of one 837 transaction set, loop by loop, in the order 005010X222A1 (837P) and 005010X223A2 (837I)
 * give them. Values are checked beforehand by {@link ClaimBatchCheck}; here they are made X12-safe by
 * {@link X12Text} as they are written.
 *
 * <p>What the model does not carry is written with these defaults:
 * <ul>
 *   <li>SBR01 {@code P}: the payer is the primary one (the model names one payer per claim);</li>
 *   <li>PAT01 {@code 21} (unknown) for a dependent patient: the model does not tell the relationship to the
 *       subscriber, and 21 claims no relationship that may be false;</li>
 *   <li>CLM06-09 on an 837P {@code Y*A*Y*Y}: provider signature on file, assigned, benefits assigned, release of
 *       information signed. An 837I has no CLM06 (not used there) and gets {@code A*Y*Y} in CLM07-09;</li>
 *   <li>CL1 on an 837I (required): CL101 admission type {@code 3} (elective); CL102 point of origin {@code 1}
 *       (non-health-care point of origin) only when the claim has an admission date, i.e. an inpatient claim, and
 *       left out otherwise (required for inpatient claims only); CL103 patient status {@code 30} (still a patient)
 *       for an interim claim (frequency 2 or 3), {@code 01} (discharged to home or self care) otherwise;</li>
 *   <li>the unit basis, when the line has none: {@code UN} (units); the procedure code qualifier: {@code HC}
 *       (CPT/HCPCS); a gender a person has none of: {@code U}.</li>
 * </ul>
 *
 * <p>Two dates of the model have no place of their own on an 837I: DTP*096 there is the discharge <em>hour</em>
 * (format TM), which the model does not hold, so {@code dischargeDate} is not written as such; when the statement
 * period has no end it ends on the discharge date. On an 837P, DTP*435 and DTP*096 are the related
 * hospitalization's admission and discharge dates (D8) and are written as given.
 */
final class Claim837Segments {

    static final String TRANSACTION_CONTROL_NUMBER = "0001";

    static final String PAYER_RESPONSIBILITY = "P";
    static final String SUBSCRIBER_IS_PATIENT = "18";
    static final String RELATIONSHIP_UNKNOWN = "21";
    static final String PROVIDER_SIGNATURE_ON_FILE = "Y";
    static final String ASSIGNED = "A";
    static final String BENEFITS_ASSIGNED = "Y";
    static final String RELEASE_OF_INFORMATION = "Y";
    static final String ADMISSION_TYPE_ELECTIVE = "3";
    static final String POINT_OF_ORIGIN_NON_HEALTH_CARE = "1";
    static final String DISCHARGED_TO_HOME = "01";
    static final String STILL_A_PATIENT = "30";

    private static final int CODES_PER_HI = 12;

    private final SegmentWriter out;
    private final ClaimKind kind;
    private final boolean professional;
    private final Map<String, ClaimProvider> namedProviders;

    Claim837Segments(SegmentWriter out, ClaimKind kind, Map<String, ClaimProvider> namedProviders) {
        this.out = out;
        this.kind = kind;
        this.professional = kind == ClaimKind.PROFESSIONAL;
        this.namedProviders = namedProviders;
    }

    /** ST, BHT and the submitter (1000A) and receiver (1000B) loops. */
    void header(ClaimBatch batch) {
        out.startCount();
        out.write("ST", "837", TRANSACTION_CONTROL_NUMBER, kind.implementation());
        out.write("BHT", "0019", "00", id("BHT03 batch reference", batch.reference()),
                X12Text.date(batch.createdAt()), X12Text.time(batch.createdAt()), "CH");
        ClaimParty submitter = batch.submitter();
        out.write("NM1", "41", "2", text(submitter.name()), null, null, null, null, "46",
                requiredId("1000A NM109 submitter id", submitter.id()));
        out.write("PER", "IC", text(batch.submitterContactName()), "TE",
                X12Text.digits(batch.submitterContactPhone()));
        ClaimParty receiver = batch.receiver();
        out.write("NM1", "40", "2", text(receiver.name()), null, null, null, null, "46",
                requiredId("1000B NM109 receiver id", receiver.id()));
    }

    /** SE, counting ST to SE. */
    void trailer() {
        out.write("SE", String.valueOf(out.count() + 1), TRANSACTION_CONTROL_NUMBER);
    }

    /** Loops 2000A and 2010AA. */
    void billingProvider(int hl, ClaimProvider provider) {
        out.write("HL", String.valueOf(hl), null, "20", "1");
        if (provider.taxonomy() != null) {
            out.write("PRV", "BI", "PXC", id("2000A PRV03 billing provider taxonomy", provider.taxonomy()));
        }
        name("85", professional ? entityType(provider) : "2", provider, "2010AA billing provider NPI");
        ClaimAddress address = provider.address();
        out.write("N3", text(address.line1()), text(address.line2()));
        out.write("N4", text(address.city()), text(address.state()), postalCode(address.postalCode()));
        out.write("REF", "EI", X12Text.digits(provider.taxId()));
    }

    /** N3/N4 of a subscriber or patient, when on file (the guides require the patient's). */
    private void personAddress(ClaimAddress address) {
        if (address != null) {
            out.write("N3", text(address.line1()), text(address.line2()));
            out.write("N4", text(address.city()), text(address.state()), postalCode(address.postalCode()));
        }
    }

    /** Loops 2000B, 2010BA and 2010BB. */
    void subscriber(int hl, int parent, boolean dependentBelow, ClaimPerson subscriber, ClaimParty payer,
                    String filingIndicator) {
        out.write("HL", String.valueOf(hl), String.valueOf(parent), "22", dependentBelow ? "1" : "0");
        out.write("SBR", PAYER_RESPONSIBILITY, dependentBelow ? null : SUBSCRIBER_IS_PATIENT, null, null, null,
                null, null, null, id("SBR09 claim filing indicator", filingIndicator));
        out.write("NM1", "IL", "1", text(subscriber.lastName()), text(subscriber.firstName()), null, null, null,
                "MI", requiredId("2010BA NM109 subscriber member id", subscriber.memberId()));
        personAddress(subscriber.address());
        if (subscriber.birthDate() != null) {
            out.write("DMG", "D8", X12Text.date(subscriber.birthDate()), gender(subscriber.gender()));
        }
        out.write("NM1", "PR", "2", text(payer.name()), null, null, null, null, "PI",
                requiredId("2010BB NM109 payer id", payer.id()));
    }

    /** Loops 2000C and 2010CA, for a patient who is not the subscriber. */
    void patient(int hl, int parent, ClaimPerson patient) {
        out.write("HL", String.valueOf(hl), String.valueOf(parent), "23", "0");
        out.write("PAT", RELATIONSHIP_UNKNOWN);
        out.write("NM1", "QC", "1", text(patient.lastName()), text(patient.firstName()));
        personAddress(patient.address());
        out.write("DMG", "D8", X12Text.date(patient.birthDate()), gender(patient.gender()));
    }

    /** Loop 2300 with its 2310 provider and its 2400 lines. */
    void claim(String at, BilledClaim claim) {
        String frequency = requiredId(at + ": CLM05-3 frequency", claim.frequency());
        Composite location = composite(requiredId(at + ": CLM05-1 facility code", claim.facilityCode()),
                professional ? "B" : "A", frequency);
        String pcn = requiredId(at + ": CLM01 patient control number", claim.patientControlNumber());
        if (professional) {
            out.write("CLM", pcn, number(claim.charge()), null, null, location, PROVIDER_SIGNATURE_ON_FILE,
                    ASSIGNED, BENEFITS_ASSIGNED, RELEASE_OF_INFORMATION);
            if (claim.admissionDate() != null) {
                out.write("DTP", "435", "D8", X12Text.date(claim.admissionDate()));
            }
            if (claim.dischargeDate() != null) {
                out.write("DTP", "096", "D8", X12Text.date(claim.dischargeDate()));
            }
        } else {
            out.write("CLM", pcn, number(claim.charge()), null, null, location, null, ASSIGNED, BENEFITS_ASSIGNED,
                    RELEASE_OF_INFORMATION);
            out.write("DTP", "434", "RD8", X12Text.span(statementFrom(claim), statementTo(claim)));
            if (claim.admissionDate() != null) {
                out.write("DTP", "435", "D8", X12Text.date(claim.admissionDate()));
            }
            out.write("CL1", ADMISSION_TYPE_ELECTIVE,
                    claim.admissionDate() != null ? POINT_OF_ORIGIN_NON_HEALTH_CARE : null, patientStatus(frequency));
        }
        reference("9F", at + ": REF*9F referral", claim.referral());
        reference("G1", at + ": REF*G1 prior authorization", claim.priorAuthorization());
        reference("F8", at + ": REF*F8 original reference", claim.originalReference());
        diagnoses(at, claim);
        if (claim.renderingProvider() != null) {
            ClaimProvider rendering = claim.renderingProvider();
            if (professional) {
                name("82", entityType(rendering), rendering, at + ": 2310B rendering provider NPI");
                taxonomy("PE", rendering, at + ": 2310B PRV03 rendering provider taxonomy");
            } else {
                name("71", "1", rendering, at + ": 2310A attending provider NPI");
                taxonomy("AT", rendering, at + ": 2310A PRV03 attending provider taxonomy");
            }
        }
        for (BilledLine line : claim.lines()) {
            line(at + ", line " + line.number(), claim, line);
        }
    }

    /** DTP*434's first day: the statement's, else the first date of service. */
    static LocalDate statementFrom(BilledClaim claim) {
        return claim.statementFrom() != null ? claim.statementFrom() : claim.firstServiceDate();
    }

    /** DTP*434's last day: the statement's, else the discharge date, else the last date of service. */
    static LocalDate statementTo(BilledClaim claim) {
        if (claim.statementTo() != null) {
            return claim.statementTo();
        }
        if (claim.dischargeDate() != null) {
            return claim.dischargeDate();
        }
        LocalDate last = claim.lastServiceDate();
        return last != null ? last : statementFrom(claim);
    }

    private void diagnoses(String at, BilledClaim claim) {
        List<String> codes = claim.diagnoses();
        String principal = diagnosis(at, codes.get(0));
        if (professional) {
            List<Object> elements = new ArrayList<>(codes.size());
            elements.add(composite("ABK", principal));
            for (int i = 1; i < codes.size(); i++) {
                elements.add(composite("ABF", diagnosis(at, codes.get(i))));
            }
            out.write("HI", elements.toArray());
            return;
        }
        out.write("HI", composite("ABK", principal));
        List<Composite> others = new ArrayList<>();
        for (int i = 1; i < codes.size(); i++) {
            others.add(composite("ABF", diagnosis(at, codes.get(i))));
        }
        writeHi(others);
        List<Composite> spans = new ArrayList<>();
        for (OccurrenceSpan span : claim.occurrenceSpans()) {
            spans.add(composite("BI", requiredId(at + ": HI*BI occurrence span code", span.code()), "RD8",
                    X12Text.span(span.from(), span.to())));
        }
        writeHi(spans);
    }

    /** HI segments of at most 12 codes each. */
    private void writeHi(List<Composite> codes) {
        for (int from = 0; from < codes.size(); from += CODES_PER_HI) {
            out.write("HI", codes.subList(from, Math.min(codes.size(), from + CODES_PER_HI)).toArray());
        }
    }

    /** An ICD-10-CM code as the HI carries it: without its dot. */
    private static String diagnosis(String at, String code) {
        return requiredId(at + ": HI diagnosis code", code.replace(".", ""));
    }

    private void line(String at, BilledClaim claim, BilledLine line) {
        out.write("LX", String.valueOf(line.number()));
        String unitBasis = line.unitBasis() != null ? line.unitBasis() : "UN";
        if (professional) {
            String placeOfService = line.placeOfService() != null
                    && !line.placeOfService().equals(claim.facilityCode())
                    ? id(at + ": SV105 place of service", line.placeOfService()) : null;
            String[] pointers = line.diagnosisPointers().stream().map(String::valueOf).toArray(String[]::new);
            out.write("SV1", procedure(at, line), number(line.charge()), unitBasis, number(line.units()),
                    placeOfService, null, composite(pointers));
        } else {
            out.write("SV2", requiredId(at + ": SV201 revenue code", line.revenueCode()),
                    line.procedure() != null ? procedure(at, line) : null, number(line.charge()), unitBasis,
                    number(line.units()));
        }
        if (line.serviceDate() != null) {
            String[] date = X12Text.dateOrSpan(line.serviceDate(), line.serviceDateTo());
            out.write("DTP", "472", date[0], date[1]);
        }
        if (professional) {
            reference("G1", at + ": REF*G1 line prior authorization", line.priorAuthorization());
        }
        reference("6R", at + ": REF*6R line control number", line.lineControlNumber());
        if (line.renderingNpi() != null) {
            // 2420A on an 837P, 2420C on an 837I: NM1*82 either way
            ClaimProvider rendering = namedProviders.get(line.renderingNpi());
            String npi = id(at + ": line rendering provider NPI", line.renderingNpi());
            out.write("NM1", "82", professional ? entityType(rendering) : "1", text(rendering.lastName()),
                    "2".equals(entityType(rendering)) ? null : text(rendering.firstName()), null, null, null, "XX",
                    npi);
            if (professional) {
                taxonomy("PE", rendering, at + ": 2420A PRV03 rendering provider taxonomy");
            }
        }
    }

    private Composite procedure(String at, BilledLine line) {
        List<String> components = new ArrayList<>(6);
        components.add(line.procedureQualifier() != null
                ? id(at + ": procedure code qualifier", line.procedureQualifier()) : "HC");
        components.add(requiredId(at + ": procedure code", line.procedure()));
        for (String modifier : line.modifiers()) {
            components.add(requiredId(at + ": procedure modifier", modifier));
        }
        return composite(components.toArray(String[]::new));
    }

    private void name(String entity, String type, ClaimProvider provider, String npiWhat) {
        String npi = id(npiWhat, provider.npi());
        out.write("NM1", entity, type, text(provider.lastName()),
                "1".equals(type) ? text(provider.firstName()) : null, null, null, null, npi != null ? "XX" : null,
                npi);
    }

    private void taxonomy(String code, ClaimProvider provider, String what) {
        if (provider.taxonomy() != null) {
            out.write("PRV", code, "PXC", id(what, provider.taxonomy()));
        }
    }

    private void reference(String qualifier, String what, String value) {
        String id = id(what, value);
        if (id != null) {
            out.write("REF", qualifier, id);
        }
    }

    /** NM102: 1 for a person (a first name given), 2 for an organisation. */
    private static String entityType(ClaimProvider provider) {
        return provider.firstName() == null || text(provider.firstName()) == null ? "2" : "1";
    }

    private static String patientStatus(String frequency) {
        return "2".equals(frequency) || "3".equals(frequency) ? STILL_A_PATIENT : DISCHARGED_TO_HOME;
    }

    private static String gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return "U";
        }
        String code = gender.strip();
        if (!code.equals("F") && !code.equals("M") && !code.equals("U")) {
            throw new IllegalArgumentException("DMG03 gender is F, M or U");
        }
        return code;
    }

    /** A ZIP code without its hyphen (12345-6789 is written 123456789); any other postal code as free text. */
    private static String postalCode(String value) {
        if (value != null && value.matches("[0-9 -]+")) {
            return X12Text.digits(value);
        }
        return text(value);
    }
}
